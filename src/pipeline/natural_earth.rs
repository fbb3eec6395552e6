//! Reads Natural Earth's admin-1 units from the GeoPackage that Debian's `qgis-common` ships
//! (`world_map.gpkg`, layer `states_provinces`). A GeoPackage is SQLite; each geometry is a
//! small GeoPackage header followed by standard WKB, decoded here.

use super::{PipelineError, Result};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use std::path::Path;

/// One admin-1 unit (a province, a state, a département, ...).
#[derive(Debug, Clone)]
pub struct Admin1 {
    /// Natural Earth `adm0_a3`: the country code (e.g. `DEU`).
    pub country: String,
    /// Natural Earth `name`: the unit's English name (e.g. `Bayern`).
    pub name: String,
    /// Longitude and latitude, WGS84.
    pub shape: MultiPolygon<f64>,
}

/// Reads every admin-1 unit, in the file's order.
pub fn read_admin1(path: &Path) -> Result<Vec<Admin1>> {
    let file = path.display().to_string();
    let err = |record: String, reason: String| PipelineError::new(&file, record, reason);
    let db =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| err(String::new(), format!("cannot open the GeoPackage: {e}")))?;
    let mut query = db
        .prepare("SELECT fid, adm0_a3, name, geom FROM states_provinces ORDER BY fid")
        .map_err(|e| {
            err(
                "states_provinces".into(),
                format!("not a Natural Earth admin-1 layer: {e}"),
            )
        })?;
    let rows = query
        .query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, Option<String>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<Vec<u8>>>(3)?,
            ))
        })
        .map_err(|e| err("states_provinces".into(), e.to_string()))?;
    let mut out = Vec::new();
    for row in rows {
        let (fid, country, name, blob) =
            row.map_err(|e| err("states_provinces".into(), e.to_string()))?;
        let record = format!("states_provinces fid {fid}");
        let (Some(country), Some(name), Some(blob)) = (country, name, blob) else {
            continue;
        };
        let shape = decode_gpkg_geometry(&blob).map_err(|reason| err(record, reason))?;
        out.push(Admin1 {
            country,
            name,
            shape,
        });
    }
    Ok(out)
}

/// Decodes a GeoPackage geometry blob holding a Polygon or MultiPolygon.
pub fn decode_gpkg_geometry(blob: &[u8]) -> std::result::Result<MultiPolygon<f64>, String> {
    if blob.len() < 8 || &blob[..2] != b"GP" {
        return Err("geometry without a GeoPackage header".into());
    }
    let flags = blob[3];
    let envelope = match (flags >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        n => return Err(format!("unknown envelope type {n}")),
    };
    if flags & 0b1_0000 != 0 {
        return Ok(MultiPolygon(Vec::new()));
    }
    let mut wkb = Wkb {
        bytes: blob.get(8 + envelope..).ok_or("truncated geometry")?,
        at: 0,
        little: true,
    };
    wkb.geometry()
}

struct Wkb<'a> {
    bytes: &'a [u8],
    at: usize,
    little: bool,
}

impl Wkb<'_> {
    fn take(&mut self, n: usize) -> std::result::Result<&[u8], String> {
        let end = self.at.checked_add(n).ok_or("truncated geometry")?;
        let slice = self.bytes.get(self.at..end).ok_or("truncated geometry")?;
        self.at = end;
        Ok(slice)
    }

    fn u32(&mut self) -> std::result::Result<u32, String> {
        let little = self.little;
        let b: [u8; 4] = self.take(4)?.try_into().map_err(|_| "truncated geometry")?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    }

    fn f64(&mut self) -> std::result::Result<f64, String> {
        let little = self.little;
        let b: [u8; 8] = self.take(8)?.try_into().map_err(|_| "truncated geometry")?;
        Ok(if little {
            f64::from_le_bytes(b)
        } else {
            f64::from_be_bytes(b)
        })
    }

    fn header(&mut self) -> std::result::Result<u32, String> {
        self.little = match self.take(1)?[0] {
            0 => false,
            1 => true,
            b => return Err(format!("bad WKB byte order {b}")),
        };
        self.u32()
    }

    fn geometry(&mut self) -> std::result::Result<MultiPolygon<f64>, String> {
        match self.header()? {
            3 => Ok(MultiPolygon(vec![self.polygon()?])),
            6 => {
                let n = self.u32()?;
                let mut polygons = Vec::new();
                for _ in 0..n {
                    match self.header()? {
                        3 => polygons.push(self.polygon()?),
                        t => return Err(format!("WKB type {t} inside a MultiPolygon")),
                    }
                }
                Ok(MultiPolygon(polygons))
            }
            t => Err(format!("WKB type {t} is not a polygon")),
        }
    }

    fn polygon(&mut self) -> std::result::Result<Polygon<f64>, String> {
        let rings = self.u32()?;
        let mut all = Vec::new();
        for _ in 0..rings {
            let n = self.u32()? as usize;
            if n > self.bytes.len() / 16 + 1 {
                return Err("ring longer than the geometry".into());
            }
            let mut coords = Vec::with_capacity(n);
            for _ in 0..n {
                let x = self.f64()?;
                let y = self.f64()?;
                coords.push(Coord { x, y });
            }
            all.push(LineString(coords));
        }
        let mut rings = all.into_iter();
        let exterior = rings.next().unwrap_or_else(|| LineString(Vec::new()));
        Ok(Polygon::new(exterior, rings.collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blob(wkb: &[u8]) -> Vec<u8> {
        let mut b = vec![b'G', b'P', 0, 0b0000_0001, 0xE6, 0x10, 0, 0];
        b.extend_from_slice(wkb);
        b
    }

    fn square_wkb() -> Vec<u8> {
        let mut w = vec![1];
        w.extend(3u32.to_le_bytes());
        w.extend(1u32.to_le_bytes());
        w.extend(5u32.to_le_bytes());
        for (x, y) in [
            (0.0f64, 0.0f64),
            (1.0, 0.0),
            (1.0, 1.0),
            (0.0, 1.0),
            (0.0, 0.0),
        ] {
            w.extend(x.to_le_bytes());
            w.extend(y.to_le_bytes());
        }
        w
    }

    #[test]
    fn decodes_a_polygon() {
        let shape = decode_gpkg_geometry(&blob(&square_wkb())).unwrap();
        assert_eq!(shape.0.len(), 1);
        assert_eq!(shape.0[0].exterior().0.len(), 5);
    }

    #[test]
    fn truncated_or_foreign_blobs_are_errors_not_panics() {
        let full = blob(&square_wkb());
        for n in 0..full.len() {
            assert!(
                decode_gpkg_geometry(&full[..n]).is_err(),
                "prefix of {n} bytes"
            );
        }
        assert!(decode_gpkg_geometry(b"XX\0\x01\0\0\0\0").is_err());
        let mut point = vec![1];
        point.extend(1u32.to_le_bytes());
        assert!(decode_gpkg_geometry(&blob(&point)).is_err());
    }
}
