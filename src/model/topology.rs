//! Regions and the arcs of their borders, each border stored once (as TopoJSON does).
//!
//! Coordinates are integers in map units (`unit_m` metres each) of the projected map,
//! x to the east and y to the south, so they go straight into SVG. Each arc is stored
//! delta-encoded: `[x0, y0, dx1, dy1, dx2, dy2, ...]`. A ring is a list of arc references;
//! `i` means arc `i` as stored, `!i` (that is `-i - 1`) means it reversed.

use super::projection::{project, unproject, Projected};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The `format` field of a topology file.
pub const FORMAT: &str = "uchronia-topology";
/// The version this code reads and writes.
pub const VERSION: u32 = 1;

/// A point in map units.
pub type Point = [i64; 2];

/// Regions and their borders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topology {
    pub format: String,
    pub version: u32,
    /// "EPSG:3035".
    pub projection: String,
    /// Metres per map unit.
    pub unit_m: f64,
    /// Easting and northing (metres) of map point (0, 0), the top left corner.
    pub origin: [f64; 2],
    /// Extent of the map in map units.
    pub width: i64,
    pub height: i64,
    pub arcs: Vec<Vec<i64>>,
    pub regions: Vec<Region>,
    /// Arcs that only one region uses but that run along another region: where Natural
    /// Earth's two sides of a border differ by less than the grid, each side is its own arc.
    /// Each entry is `[arc, region on its other side]`; such an arc is drawn as a border
    /// between the two, not as a coast.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seams: Vec<[usize; 2]>,
}

/// A historical region: the smallest unit that changes hands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Region {
    pub id: String,
    /// English name.
    pub en: String,
    /// Name in the local language.
    pub local: String,
    /// Polygons, each a list of rings (the first the outer one), each a list of arc refs.
    pub polygons: Vec<Vec<Vec<i64>>>,
    /// A point inside the largest polygon, for labels.
    pub label: Point,
    /// Area in square kilometres.
    pub area_km2: f64,
}

impl Region {
    /// Its name in English or in its own language.
    pub fn name_in(&self, names: super::permalink::Names) -> &str {
        match names {
            super::permalink::Names::English => &self.en,
            super::permalink::Names::Local => &self.local,
        }
    }
}

/// What is wrong with a topology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TopologyError {
    Format(String),
    OddArc(usize),
    ArcRef { region: String, arc: i64 },
    OpenRing { region: String },
    NoPolygons { region: String },
    DuplicateRegion(String),
}

impl fmt::Display for TopologyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TopologyError::Format(s) => write!(f, "{s}"),
            TopologyError::OddArc(i) => {
                write!(
                    f,
                    "arc {i} has an odd number of coordinates or fewer than two points"
                )
            }
            TopologyError::ArcRef { region, arc } => {
                write!(
                    f,
                    "region '{region}' refers to arc {arc}, which does not exist"
                )
            }
            TopologyError::OpenRing { region } => {
                write!(f, "region '{region}' has a ring whose arcs do not join up")
            }
            TopologyError::NoPolygons { region } => write!(f, "region '{region}' has no shape"),
            TopologyError::DuplicateRegion(r) => write!(f, "region '{r}' appears twice"),
        }
    }
}

impl std::error::Error for TopologyError {}

/// Decodes one delta-encoded arc.
pub fn decode_arc(arc: &[i64]) -> Option<Vec<Point>> {
    if arc.len() < 4 || !arc.len().is_multiple_of(2) {
        return None;
    }
    let mut points = Vec::with_capacity(arc.len() / 2);
    let (mut x, mut y) = (0i64, 0i64);
    for d in arc.chunks_exact(2) {
        x = x.checked_add(d[0])?;
        y = y.checked_add(d[1])?;
        points.push([x, y]);
    }
    Some(points)
}

/// Delta-encodes the points of an arc.
pub fn encode_arc(points: &[Point]) -> Vec<i64> {
    let mut out = Vec::with_capacity(points.len() * 2);
    let mut prev = [0, 0];
    for p in points {
        out.push(p[0] - prev[0]);
        out.push(p[1] - prev[1]);
        prev = *p;
    }
    out
}

/// The index of the arc a reference names, and whether it is reversed.
pub fn arc_index(reference: i64) -> (usize, bool) {
    // `!r` is `-r - 1` without overflow, even for i64::MIN.
    let (i, reversed) = if reference >= 0 {
        (reference, false)
    } else {
        (!reference, true)
    };
    (usize::try_from(i).unwrap_or(usize::MAX), reversed)
}

/// Twice the signed area of a ring (positive when clockwise on screen, y down).
pub fn ring_area2(ring: &[Point]) -> i128 {
    let mut sum = 0i128;
    for w in ring.windows(2) {
        sum +=
            i128::from(w[0][0]) * i128::from(w[1][1]) - i128::from(w[1][0]) * i128::from(w[0][1]);
    }
    sum
}

/// Whether a point lies inside a closed ring (even-odd rule).
pub fn in_ring(p: [f64; 2], ring: &[Point]) -> bool {
    let mut inside = false;
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (ax, ay, bx, by) = (a[0] as f64, a[1] as f64, b[0] as f64, b[1] as f64);
        if (ay > p[1]) != (by > p[1]) && p[0] < ax + (p[1] - ay) * (bx - ax) / (by - ay) {
            inside = !inside;
        }
    }
    inside
}

/// A topology with its arcs decoded, ready for drawing and point queries.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub topology: Topology,
    /// Arcs as absolute points.
    pub arcs: Vec<Vec<Point>>,
    /// For each region, its polygons as rings of points (closed: first == last).
    pub rings: Vec<Vec<Vec<Vec<Point>>>>,
    /// For each arc, the regions on it (one for a coast, two for a border, seams included).
    pub sides: Vec<Vec<usize>>,
    /// Each region's place by id (the first, should two share one).
    index: HashMap<String, usize>,
}

impl Topology {
    /// Decodes and checks every arc and ring.
    pub fn decode(self) -> Result<Decoded, TopologyError> {
        if self.format != FORMAT || self.version != VERSION {
            return Err(TopologyError::Format(format!(
                "expected {FORMAT} version {VERSION}, found {} version {}",
                self.format, self.version
            )));
        }
        let arcs = self
            .arcs
            .iter()
            .enumerate()
            .map(|(i, a)| decode_arc(a).ok_or(TopologyError::OddArc(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut sides = vec![Vec::new(); arcs.len()];
        let mut rings = Vec::with_capacity(self.regions.len());
        let mut ids = std::collections::HashSet::new();
        for (ri, region) in self.regions.iter().enumerate() {
            if !ids.insert(region.id.as_str()) {
                return Err(TopologyError::DuplicateRegion(region.id.clone()));
            }
            if region.polygons.is_empty() {
                return Err(TopologyError::NoPolygons {
                    region: region.id.clone(),
                });
            }
            let mut polygons = Vec::with_capacity(region.polygons.len());
            for polygon in &region.polygons {
                if polygon.is_empty() {
                    return Err(TopologyError::OpenRing {
                        region: region.id.clone(),
                    });
                }
                let mut out = Vec::with_capacity(polygon.len());
                for ring in polygon {
                    let mut points: Vec<Point> = Vec::new();
                    for &reference in ring {
                        let (i, reversed) = arc_index(reference);
                        let arc = arcs.get(i).ok_or_else(|| TopologyError::ArcRef {
                            region: region.id.clone(),
                            arc: reference,
                        })?;
                        if !sides[i].contains(&ri) {
                            sides[i].push(ri);
                        }
                        let mut part = arc.clone();
                        if reversed {
                            part.reverse();
                        }
                        if let Some(last) = points.last() {
                            if *last != part[0] {
                                return Err(TopologyError::OpenRing {
                                    region: region.id.clone(),
                                });
                            }
                            points.extend_from_slice(&part[1..]);
                        } else {
                            points = part;
                        }
                    }
                    if points.len() < 4 || points.first() != points.last() {
                        return Err(TopologyError::OpenRing {
                            region: region.id.clone(),
                        });
                    }
                    out.push(points);
                }
                polygons.push(out);
            }
            rings.push(polygons);
        }
        for &[arc, region] in &self.seams {
            match sides.get_mut(arc) {
                Some(s) if s.len() == 1 && region < self.regions.len() && s[0] != region => {
                    s.push(region)
                }
                _ => {
                    return Err(TopologyError::Format(format!(
                        "seam [{arc}, {region}] is not a one-sided arc and another region"
                    )))
                }
            }
        }
        let mut index = HashMap::new();
        for (i, r) in self.regions.iter().enumerate() {
            index.entry(r.id.clone()).or_insert(i);
        }
        Ok(Decoded {
            topology: self,
            arcs,
            rings,
            sides,
            index,
        })
    }

    /// Map units of a longitude and latitude.
    pub fn to_map(&self, lon: f64, lat: f64) -> Option<[f64; 2]> {
        let p = project(lon, lat)?;
        Some([
            (p.easting - self.origin[0]) / self.unit_m,
            (self.origin[1] - p.northing) / self.unit_m,
        ])
    }

    /// Longitude and latitude of a point in map units.
    pub fn to_lon_lat(&self, p: [f64; 2]) -> Option<(f64, f64)> {
        unproject(Projected {
            easting: self.origin[0] + p[0] * self.unit_m,
            northing: self.origin[1] - p[1] * self.unit_m,
        })
    }
}

impl Decoded {
    /// The index of the region that contains a point (map units).
    pub fn region_at(&self, p: [f64; 2]) -> Option<usize> {
        self.rings.iter().position(|polygons| {
            polygons
                .iter()
                .any(|rings| rings.iter().filter(|ring| in_ring(p, ring)).count() % 2 == 1)
        })
    }

    /// The index of a region by id.
    pub fn region_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// An arc with fewer points for a coarser view: Douglas–Peucker, keeping the end points, so
/// that arcs shared by two regions stay shared and rings stay closed. `tolerance` is in map
/// units. Written here rather than taken from `geo` so that the wasm bundle carries no
/// geometry crate for these few lines.
pub fn simplify_arc(points: &[Point], tolerance: f64) -> Vec<Point> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    let t2 = tolerance * tolerance;
    while let Some((a, b)) = stack.pop() {
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = ((pb[0] - pa[0]) as f64, (pb[1] - pa[1]) as f64);
        let len2 = dx * dx + dy * dy;
        let mut far = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let (px, py) = ((p[0] - pa[0]) as f64, (p[1] - pa[1]) as f64);
            // Squared distance from the segment (from the point itself when it is degenerate,
            // as in a closed arc whose ends meet).
            let d2 = if len2 == 0.0 {
                px * px + py * py
            } else {
                let t = ((px * dx + py * dy) / len2).clamp(0.0, 1.0);
                let (ex, ey) = (px - t * dx, py - t * dy);
                ex * ex + ey * ey
            };
            if d2 > far.0 {
                far = (d2, i);
            }
        }
        if far.0 > t2 {
            keep[far.1] = true;
            stack.push((a, far.1));
            stack.push((far.1, b));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

/// Appends the SVG path of `points`: `M x y`, then each next point as a step from the one
/// before (`l dx dy ...`), about half the text of absolute coordinates for the browser to
/// read. A negative number needs no separator before it.
pub fn svg_path(points: &[Point], out: &mut String) {
    let Some((first, rest)) = points.split_first() else {
        return;
    };
    let mut digits = itoa::Buffer::new();
    out.push('M');
    out.push_str(digits.format(first[0]));
    out.push(' ');
    out.push_str(digits.format(first[1]));
    if rest.is_empty() {
        return;
    }
    out.push('l');
    let mut last = *first;
    for (k, p) in rest.iter().enumerate() {
        for (n, d) in [p[0] - last[0], p[1] - last[1]].into_iter().enumerate() {
            if (k > 0 || n > 0) && d >= 0 {
                out.push(' ');
            }
            out.push_str(digits.format(d));
        }
        last = *p;
    }
}
