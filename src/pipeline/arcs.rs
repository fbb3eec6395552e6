//! Shared borders stored once: projects the regions, quantizes them to a grid, cuts their
//! rings into arcs at the points where three or more regions (or region and sea) meet, stores
//! each arc once and simplifies each arc on its own, so that neighbours keep one common border.

use super::regions::Shaped;
use crate::model::projection::project;
use crate::model::topology::{
    self, encode_arc, in_ring, ring_area2, Decoded, Point, Region, Topology,
};
use geo::{Coord, InteriorPoint, LineString, Polygon};
use std::collections::HashMap;

/// How the geometry is generalized.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Metres per map unit (the quantization grid).
    pub unit_m: f64,
    /// Simplification tolerance in Europe, the Mediterranean and the Middle East (metres).
    pub tolerance_m: f64,
    /// Simplification tolerance elsewhere (the coarse rest of Asia), metres.
    pub coarse_tolerance_m: f64,
    /// Islands smaller than this (km²) are left out, except a region's largest piece.
    pub min_island_km2: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            unit_m: 250.0,
            tolerance_m: 1_000.0,
            coarse_tolerance_m: 6_000.0,
            min_island_km2: 15.0,
        }
    }
}

/// Where the finer tolerance applies, in degrees: [west, south, east, north].
const DETAILED: [f64; 4] = [-30.0, 26.0, 62.0, 72.0];

/// Builds the topology of the regions.
pub fn build_topology(regions: &[Shaped], settings: Settings) -> Topology {
    let unit = settings.unit_m;
    // Project every ring once.
    let projected: Vec<Vec<Vec<Vec<[f64; 2]>>>> = regions
        .iter()
        .map(|r| {
            r.shape
                .0
                .iter()
                .map(|p| {
                    std::iter::once(p.exterior())
                        .chain(p.interiors())
                        .map(|ring| {
                            ring.0
                                .iter()
                                .filter_map(|c| project(c.x, c.y))
                                .map(|p| [p.easting, p.northing])
                                .collect()
                        })
                        .collect()
                })
                .collect()
        })
        .collect();
    let (mut min_e, mut max_e, mut min_n, mut max_n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for p in projected.iter().flatten().flatten().flatten() {
        min_e = min_e.min(p[0]);
        max_e = max_e.max(p[0]);
        min_n = min_n.min(p[1]);
        max_n = max_n.max(p[1]);
    }
    let origin = [(min_e / unit).floor() * unit, (max_n / unit).ceil() * unit];
    let quantize = |p: &[f64; 2]| -> Point {
        [
            ((p[0] - origin[0]) / unit).round() as i64,
            ((origin[1] - p[1]) / unit).round() as i64,
        ]
    };
    let min_island_units2 = settings.min_island_km2 * 1e6 / (unit * unit);

    // Quantized, cleaned polygons per region: Vec<polygon = Vec<ring>>.
    let mut polygons: Vec<Vec<Vec<Vec<Point>>>> = Vec::with_capacity(regions.len());
    for region in &projected {
        let mut kept: Vec<(f64, Vec<Vec<Point>>)> = Vec::new();
        for polygon in region {
            let mut rings: Vec<Vec<Point>> = Vec::new();
            for (k, ring) in polygon.iter().enumerate() {
                let mut q = remove_spikes(ring.iter().map(&quantize).collect());
                if let Some(&first) = q.first() {
                    q.push(first);
                }
                if q.len() < 4 || ring_area2(&q) == 0 {
                    if k == 0 {
                        break; // the outer ring vanished: so does the polygon
                    }
                    continue;
                }
                rings.push(q);
            }
            if let Some(outer) = rings.first() {
                let area = (ring_area2(outer) as f64 / 2.0).abs();
                kept.push((area, rings));
            }
        }
        let largest = kept.iter().map(|(a, _)| *a).fold(0.0f64, f64::max);
        polygons.push(
            kept.into_iter()
                .filter(|(a, _)| *a >= min_island_units2 || *a == largest)
                .map(|(_, rings)| rings)
                .collect(),
        );
    }

    // Junctions: points where the neighbours along the rings differ.
    let mut neighbours: HashMap<Point, Vec<(Point, Point)>> = HashMap::new();
    let mut junctions: std::collections::HashSet<Point> = std::collections::HashSet::new();
    for ring in polygons.iter().flatten().flatten() {
        let n = ring.len() - 1; // closed: last == first
        let mut seen_here = std::collections::HashSet::new();
        for i in 0..n {
            let p = ring[i];
            let prev = ring[(i + n - 1) % n];
            let next = ring[(i + 1) % n];
            if !seen_here.insert(p) {
                junctions.insert(p); // the ring passes here twice
            }
            let pair = if prev < next {
                (prev, next)
            } else {
                (next, prev)
            };
            let entry = neighbours.entry(p).or_default();
            if !entry.is_empty() && !entry.contains(&pair) {
                junctions.insert(p);
            }
            entry.push(pair);
        }
    }

    // Cut rings into arcs and store each arc once.
    let detailed = |p: &Point| -> bool {
        let e = origin[0] + p[0] as f64 * unit;
        let n = origin[1] - p[1] as f64 * unit;
        crate::model::projection::unproject(crate::model::projection::Projected {
            easting: e,
            northing: n,
        })
        .is_some_and(|(lon, lat)| {
            lon >= DETAILED[0] && lat >= DETAILED[1] && lon <= DETAILED[2] && lat <= DETAILED[3]
        })
    };
    let mut arcs: Vec<Vec<Point>> = Vec::new();
    let mut index: HashMap<Vec<Point>, usize> = HashMap::new();
    let mut refer = |arc: Vec<Point>| -> i64 {
        if let Some(&i) = index.get(&arc) {
            return i as i64;
        }
        let mut reversed = arc.clone();
        reversed.reverse();
        if let Some(&i) = index.get(&reversed) {
            return !(i as i64);
        }
        let i = arcs.len();
        index.insert(arc.clone(), i);
        arcs.push(arc);
        i as i64
    };
    let mut region_refs: Vec<Vec<Vec<Vec<i64>>>> = Vec::with_capacity(polygons.len());
    for region in &polygons {
        let mut out_polygons = Vec::with_capacity(region.len());
        for polygon in region {
            let mut out_rings = Vec::with_capacity(polygon.len());
            for ring in polygon {
                let open = &ring[..ring.len() - 1];
                let starts: Vec<usize> = (0..open.len())
                    .filter(|&i| junctions.contains(&open[i]))
                    .collect();
                let mut refs = Vec::new();
                if starts.is_empty() {
                    // A closed arc: start it at its smallest point, so that the region on the
                    // other side (which walks it the other way) finds the same arc reversed.
                    let first = (0..open.len()).min_by_key(|&i| open[i]).unwrap_or(0);
                    let mut arc: Vec<Point> = open[first..]
                        .iter()
                        .chain(&open[..first])
                        .copied()
                        .collect();
                    arc.push(arc[0]);
                    refs.push(refer(arc));
                } else {
                    for (k, &s) in starts.iter().enumerate() {
                        let e = starts[(k + 1) % starts.len()];
                        let mut arc = vec![open[s]];
                        let mut i = s;
                        loop {
                            i = (i + 1) % open.len();
                            arc.push(open[i]);
                            if i == e {
                                break;
                            }
                        }
                        refs.push(refer(arc));
                    }
                }
                out_rings.push(refs);
            }
            out_polygons.push(out_rings);
        }
        region_refs.push(out_polygons);
    }

    // Simplify each arc on its own; endpoints stay, so borders stay shared.
    let encoded: Vec<Vec<i64>> = arcs
        .iter()
        .map(|arc| {
            let tolerance = if detailed(&arc[0]) {
                settings.tolerance_m
            } else {
                settings.coarse_tolerance_m
            } / unit;
            encode_arc(&simplify_arc(arc, tolerance))
        })
        .collect();

    let mut topology = Topology {
        format: topology::FORMAT.to_string(),
        version: topology::VERSION,
        projection: "EPSG:3035".to_string(),
        unit_m: unit,
        origin,
        width: ((max_e - origin[0]) / unit).ceil() as i64,
        height: ((origin[1] - min_n) / unit).ceil() as i64,
        arcs: encoded,
        seams: Vec::new(),
        regions: regions
            .iter()
            .zip(region_refs)
            .map(|(r, polygons)| Region {
                id: r.recipe.id.clone(),
                en: r.recipe.en.clone(),
                local: r.recipe.local.clone(),
                polygons,
                label: [0, 0],
                area_km2: 0.0,
            })
            .collect(),
    };
    // Labels and seams are read off the finished rings, decoded once for both.
    if let Ok(decoded) = topology.clone().decode() {
        place_labels(&mut topology, &decoded);
        topology.seams = find_seams(&decoded);
    }
    topology
}

/// Finds the one-sided arcs that run along another region rather than the sea: a point
/// just beside the arc's longest segment, on the side away from its region, lies in another
/// region. Those are recorded as seams, so that the map draws them as borders, not coasts.
fn find_seams(decoded: &Decoded) -> Vec<[usize; 2]> {
    let mut seams = Vec::new();
    for (i, (arc, sides)) in decoded.arcs.iter().zip(&decoded.sides).enumerate() {
        let [own] = sides[..] else { continue };
        let Some((a, b)) = arc
            .windows(2)
            .map(|w| (w[0], w[1]))
            .max_by_key(|(a, b)| (a[0] - b[0]).pow(2) + (a[1] - b[1]).pow(2))
        else {
            continue;
        };
        let (dx, dy) = ((b[0] - a[0]) as f64, (b[1] - a[1]) as f64);
        let len = (dx * dx + dy * dy).sqrt();
        if len == 0.0 {
            continue;
        }
        let mid = [(a[0] + b[0]) as f64 / 2.0, (a[1] + b[1]) as f64 / 2.0];
        // Two grid steps to either side: beyond rounding, well short of any real strait.
        let (nx, ny) = (-dy / len * 2.0, dx / len * 2.0);
        let beside = [[mid[0] + nx, mid[1] + ny], [mid[0] - nx, mid[1] - ny]];
        let found: Vec<Option<usize>> = beside.iter().map(|p| decoded.region_at(*p)).collect();
        if let [Some(x), Some(y)] = found[..] {
            let other = if x == own { y } else { x };
            if other != own && (x == own || y == own) {
                seams.push([i, other]);
            }
        }
    }
    seams
}

/// Cleans a quantized ring (given open, without its closing point): drops repeated points
/// and the zero-width spikes (`a, b, a`, or any turn straight back) that slivers thinner than the grid leave behind,
/// so that no stretch of border is walked by more than two regions.
pub fn remove_spikes(ring: Vec<Point>) -> Vec<Point> {
    let mut points = ring;
    loop {
        let before = points.len();
        let mut out: Vec<Point> = Vec::with_capacity(points.len());
        for p in points {
            if out.last() == Some(&p) {
                continue;
            }
            if out.len() >= 2 && doubles_back(out[out.len() - 2], out[out.len() - 1], p) {
                out.pop();
                if out.last() == Some(&p) {
                    continue;
                }
            }
            out.push(p);
        }
        // Where the ring closes: the same cases across the seam.
        while out.len() >= 3 {
            let n = out.len();
            if out[0] == out[n - 1] {
                out.pop();
            } else if doubles_back(out[n - 1], out[0], out[1]) {
                out.remove(0);
            } else if doubles_back(out[n - 2], out[n - 1], out[0]) {
                out.pop();
            } else {
                break;
            }
        }
        if out.len() == before || out.len() < 3 {
            return out;
        }
        points = out;
    }
}

/// Whether the path `a -> b -> c` turns straight back on itself at `b` (a spike of zero width).
fn doubles_back(a: Point, b: Point, c: Point) -> bool {
    let (ux, uy) = (b[0] - a[0], b[1] - a[1]);
    let (vx, vy) = (c[0] - b[0], c[1] - b[1]);
    i128::from(ux) * i128::from(vy) == i128::from(uy) * i128::from(vx)
        && i128::from(ux) * i128::from(vx) + i128::from(uy) * i128::from(vy) < 0
}

/// Douglas–Peucker on one arc. Keeps both ends and, where the arc has inner points, at
/// least the one farthest from its chord, so that no ring collapses to a line.
pub fn simplify_arc(arc: &[Point], tolerance: f64) -> Vec<Point> {
    if arc.len() <= 2 {
        return arc.to_vec();
    }
    let closed = arc.first() == arc.last();
    let last = arc.len() - 1;
    let mut keep = vec![false; arc.len()];
    keep[0] = true;
    keep[last] = true;
    // The farthest inner point (from the chord, or from the start of a closed arc).
    let far = (1..last)
        .max_by(|&a, &b| {
            let da = if closed {
                dist2(arc[a], arc[0])
            } else {
                seg_dist2(arc[a], arc[0], arc[last])
            };
            let db = if closed {
                dist2(arc[b], arc[0])
            } else {
                seg_dist2(arc[b], arc[0], arc[last])
            };
            da.total_cmp(&db)
        })
        .unwrap_or(1);
    keep[far] = true;
    let t2 = tolerance * tolerance;
    let mut stack = vec![(0, far), (far, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut best, mut best_d) = (a, -1.0);
        for i in a + 1..b {
            let d = seg_dist2(arc[i], arc[a], arc[b]);
            if d > best_d {
                best = i;
                best_d = d;
            }
        }
        if best_d > t2 {
            keep[best] = true;
            stack.push((a, best));
            stack.push((best, b));
        }
    }
    let mut out: Vec<Point> = arc
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect();
    if closed && out.len() < 4 {
        // A closed ring needs three distinct points: keep one more on the longer side.
        out = arc.to_vec();
        if out.len() > 4 {
            let third = (1..last).filter(|&i| i != far).max_by(|&a, &b| {
                seg_dist2(arc[a], arc[0], arc[far]).total_cmp(&seg_dist2(arc[b], arc[0], arc[far]))
            });
            if let Some(t) = third {
                let mut idx = vec![0, far, t, last];
                idx.sort_unstable();
                out = idx.into_iter().map(|i| arc[i]).collect();
            }
        }
    }
    out
}

fn dist2(a: Point, b: Point) -> f64 {
    let dx = (a[0] - b[0]) as f64;
    let dy = (a[1] - b[1]) as f64;
    dx * dx + dy * dy
}

fn seg_dist2(p: Point, a: Point, b: Point) -> f64 {
    let (px, py) = (p[0] as f64, p[1] as f64);
    let (ax, ay, bx, by) = (a[0] as f64, a[1] as f64, b[0] as f64, b[1] as f64);
    let (dx, dy) = (bx - ax, by - ay);
    let len2 = dx * dx + dy * dy;
    if len2 == 0.0 {
        return (px - ax).powi(2) + (py - ay).powi(2);
    }
    let t = (((px - ax) * dx + (py - ay) * dy) / len2).clamp(0.0, 1.0);
    (px - ax - t * dx).powi(2) + (py - ay - t * dy).powi(2)
}

/// A geo polygon from rings of map points (the first ring the outer one; it must exist).
pub fn to_polygon(rings: &[Vec<Point>]) -> Polygon<f64> {
    let line = |r: &Vec<Point>| {
        LineString(
            r.iter()
                .map(|p| Coord {
                    x: p[0] as f64,
                    y: p[1] as f64,
                })
                .collect(),
        )
    };
    let outer = rings
        .first()
        .map(line)
        .unwrap_or_else(|| LineString(Vec::new()));
    Polygon::new(outer, rings.iter().skip(1).map(line).collect())
}

/// Area and label point of every region, from its final (simplified) rings.
fn place_labels(topology: &mut Topology, decoded: &Decoded) {
    let unit_km2 = (topology.unit_m / 1000.0).powi(2);
    for (region, polygons) in topology.regions.iter_mut().zip(&decoded.rings) {
        let mut total = 0.0;
        let mut best: Option<(f64, &Vec<Vec<Point>>)> = None;
        for rings in polygons {
            let area: f64 = rings
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    let a = (ring_area2(r) as f64 / 2.0).abs();
                    if k == 0 {
                        a
                    } else {
                        -a
                    }
                })
                .sum();
            total += area;
            if best.is_none_or(|(b, _)| area > b) {
                best = Some((area, rings));
            }
        }
        region.area_km2 = (total * unit_km2 * 10.0).round() / 10.0;
        if let Some((_, rings)) = best {
            let polygon = to_polygon(rings);
            let point = polygon
                .interior_point()
                .map(|p| [p.x().round() as i64, p.y().round() as i64])
                .filter(|p| in_ring([p[0] as f64, p[1] as f64], &rings[0]))
                .unwrap_or(rings[0][0]);
            region.label = point;
        }
    }
}
