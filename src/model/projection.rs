//! The map projection: Lambert azimuthal equal-area on the GRS80 ellipsoid, centred on
//! 52°N 10°E (EPSG:3035, the European statistical projection). Areas are true, and shapes are
//! good across Europe. Applied once, by the pipeline; the page only needs it to turn a view's
//! longitude and latitude into map coordinates and back.
//!
//! Formulas after J. P. Snyder, *Map Projections: A Working Manual* (1987), pp. 187–190.

/// GRS80 semi-major axis, metres.
const A: f64 = 6_378_137.0;
/// GRS80 first eccentricity squared.
const E2: f64 = 0.006_694_380_022_900_787;
const LAT0: f64 = 52.0;
const LON0: f64 = 10.0;
const FALSE_EASTING: f64 = 4_321_000.0;
const FALSE_NORTHING: f64 = 3_210_000.0;

/// Easting and northing in metres (EPSG:3035).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projected {
    pub easting: f64,
    pub northing: f64,
}

struct Constants {
    e: f64,
    qp: f64,
    rq: f64,
    d: f64,
    sin_b1: f64,
    cos_b1: f64,
}

fn q(sin_phi: f64, e: f64) -> f64 {
    (1.0 - E2)
        * (sin_phi / (1.0 - E2 * sin_phi * sin_phi)
            - (1.0 / (2.0 * e)) * ((1.0 - e * sin_phi) / (1.0 + e * sin_phi)).ln())
}

fn constants() -> Constants {
    let e = E2.sqrt();
    let qp = q(1.0, e);
    let phi1 = LAT0.to_radians();
    let b1 = (q(phi1.sin(), e) / qp).asin();
    let rq = A * (qp / 2.0).sqrt();
    let d = A * (phi1.cos() / (1.0 - E2 * phi1.sin().powi(2)).sqrt()) / (rq * b1.cos());
    Constants {
        e,
        qp,
        rq,
        d,
        sin_b1: b1.sin(),
        cos_b1: b1.cos(),
    }
}

/// Projects a longitude and latitude (degrees, WGS84). `None` for values off the globe and
/// for the antipode of the centre, where the projection is undefined.
pub fn project(lon: f64, lat: f64) -> Option<Projected> {
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return None;
    }
    let c = constants();
    let beta = (q(lat.to_radians().sin(), c.e) / c.qp)
        .clamp(-1.0, 1.0)
        .asin();
    let dlon = (lon - LON0).to_radians();
    let denom = 1.0 + c.sin_b1 * beta.sin() + c.cos_b1 * beta.cos() * dlon.cos();
    if denom <= 1e-12 {
        return None;
    }
    let b = c.rq * (2.0 / denom).sqrt();
    let x = b * c.d * beta.cos() * dlon.sin();
    let y = (b / c.d) * (c.cos_b1 * beta.sin() - c.sin_b1 * beta.cos() * dlon.cos());
    Some(Projected {
        easting: FALSE_EASTING + x,
        northing: FALSE_NORTHING + y,
    })
}

/// The longitude and latitude (degrees) of a projected point; `None` outside the disc the
/// projection covers.
pub fn unproject(p: Projected) -> Option<(f64, f64)> {
    let c = constants();
    let x = p.easting - FALSE_EASTING;
    let y = p.northing - FALSE_NORTHING;
    let rho = ((x / c.d).powi(2) + (c.d * y).powi(2)).sqrt();
    if !rho.is_finite() {
        return None;
    }
    if rho < 1e-9 {
        return Some((LON0, LAT0));
    }
    let s = rho / (2.0 * c.rq);
    if s > 1.0 {
        return None;
    }
    let ce = 2.0 * s.asin();
    let beta = (ce.cos() * c.sin_b1 + c.d * y * ce.sin() * c.cos_b1 / rho)
        .clamp(-1.0, 1.0)
        .asin();
    let lon = LON0
        + (x * ce.sin())
            .atan2(c.d * rho * c.cos_b1 * ce.cos() - c.d * c.d * y * c.sin_b1 * ce.sin())
            .to_degrees();
    let e4 = E2 * E2;
    let e6 = e4 * E2;
    let phi = beta
        + (E2 / 3.0 + 31.0 * e4 / 180.0 + 517.0 * e6 / 5040.0) * (2.0 * beta).sin()
        + (23.0 * e4 / 360.0 + 251.0 * e6 / 3780.0) * (4.0 * beta).sin()
        + (761.0 * e6 / 45360.0) * (6.0 * beta).sin();
    let lon = if lon > 180.0 {
        lon - 360.0
    } else if lon < -180.0 {
        lon + 360.0
    } else {
        lon
    };
    Some((lon, phi.to_degrees()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centre_is_the_false_origin() {
        let p = project(10.0, 52.0).unwrap();
        assert!((p.easting - FALSE_EASTING).abs() < 1e-6);
        assert!((p.northing - FALSE_NORTHING).abs() < 1e-6);
    }

    #[test]
    fn matches_published_epsg_3035_coordinates() {
        // EPSG Guidance Note 7-2 example for EPSG:3035: 50°N 5°E -> E 3962799.45, N 2999718.85.
        let p = project(5.0, 50.0).unwrap();
        assert!((p.easting - 3_962_799.45).abs() < 0.01, "{p:?}");
        assert!((p.northing - 2_999_718.85).abs() < 0.01, "{p:?}");
    }

    #[test]
    fn unproject_inverts_project_across_the_map() {
        for (lon, lat) in [
            (-22.0, 64.1),
            (13.4, 52.5),
            (49.1, 55.8),
            (139.7, 35.7),
            (0.0, 30.0),
        ] {
            let (lon2, lat2) = unproject(project(lon, lat).unwrap()).unwrap();
            assert!(
                (lon - lon2).abs() < 1e-7 && (lat - lat2).abs() < 1e-7,
                "{lon},{lat}"
            );
        }
    }

    #[test]
    fn off_the_globe_is_none() {
        assert_eq!(project(181.0, 0.0), None);
        assert_eq!(project(0.0, f64::NAN), None);
        assert_eq!(
            unproject(Projected {
                easting: 1e9,
                northing: 0.0
            }),
            None
        );
    }
}
