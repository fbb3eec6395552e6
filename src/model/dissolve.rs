//! The regions of a state dissolved into its outline, and a map as GeoJSON (one feature per
//! state, with the properties `atlas export` writes), for the page's download. (`atlas export`
//! unions the regions with the `geo` crate instead, which also mends the few self-crossing
//! rings of simplified islands; `tests/dissolve.rs` holds the two to the same land.)
//!
//! Neighbouring regions share their border arcs exactly (the topology stores each once), so a
//! dissolve needs no polygon clipping: the arcs used by two regions of the state are inside it
//! and drop out; the others are chained end to end into the state's rings. Written by hand
//! because it is that simple on a topology, and because the page must not carry a clipping
//! library for it.

use super::atlas::Atlas;
use super::map_state::{MapState, TimelineMaps};
use super::permalink::Names;
use super::topology::{arc_index, in_ring, ring_area2, Decoded, Point};
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// Holes smaller than this, in square metres, are dropped: the hairline gaps left where
/// Natural Earth's two sides of a former border lie a few metres apart (no lake of the map is
/// that small).
pub const SLIVER_M2: f64 = 2.0e6;

/// A polygon: its exterior ring, then its holes; each ring closed (first point = last).
pub type Polygon = Vec<Vec<Point>>;

/// The outline of `regions` (indices into the topology): its polygons, with exteriors wound
/// as the topology winds them.
pub fn dissolve(decoded: &Decoded, regions: &[usize]) -> Vec<Polygon> {
    let topology = &decoded.topology;
    // How many rings of the set use each arc: twice means inside the set.
    let mut uses: HashMap<usize, u32> = HashMap::new();
    let refs: Vec<i64> = regions
        .iter()
        .filter_map(|&r| topology.regions.get(r))
        .flat_map(|r| r.polygons.iter().flatten().flatten().copied())
        .collect();
    for &reference in &refs {
        *uses.entry(arc_index(reference).0).or_default() += 1;
    }
    // The arcs on the outline, each in the direction its region's ring runs.
    let edges: Vec<Vec<Point>> = refs
        .iter()
        .filter_map(|&reference| {
            let (i, reversed) = arc_index(reference);
            if uses.get(&i) != Some(&1) {
                return None;
            }
            let mut points = decoded.arcs.get(i)?.clone();
            if reversed {
                points.reverse();
            }
            (points.len() >= 2).then_some(points)
        })
        .collect();
    // The winding of exteriors: that of the largest ring of the regions (surely an exterior;
    // a small one may be a self-crossing ring of either sign).
    let exterior_sign = regions
        .iter()
        .filter_map(|&r| decoded.rings.get(r))
        .flat_map(|polygons| polygons.iter().filter_map(|p| p.first()))
        .map(|ring| ring_area2(ring))
        .max_by_key(|a| a.abs())
        .map_or(1, i128::signum);
    let rings = chain(&edges, exterior_sign);
    let unit2 = topology.unit_m * topology.unit_m;
    let big = |ring: &[Point]| (ring_area2(ring) as f64).abs() / 2.0 * unit2 >= SLIVER_M2;
    let (exteriors, holes): (Vec<Vec<Point>>, Vec<Vec<Point>>) = rings
        .into_iter()
        .filter(|r| r.len() >= 4)
        .partition(|r| ring_area2(r).signum() == exterior_sign);
    let holes = holes.into_iter().filter(|h| big(h));
    let mut polygons: Vec<Polygon> = exteriors.into_iter().map(|e| vec![e]).collect();
    for hole in holes {
        // A point of the hole's boundary to place it by: the middle of its first edge.
        let inside = |ring: &[Point]| {
            let (a, b) = (hole[0], hole[1]);
            in_ring(
                [
                    (a[0] as f64 + b[0] as f64) / 2.0,
                    (a[1] as f64 + b[1] as f64) / 2.0,
                ],
                ring,
            )
        };
        let owner = polygons
            .iter()
            .enumerate()
            .filter(|(_, p)| inside(&p[0]))
            .min_by_key(|(_, p)| ring_area2(&p[0]).abs())
            .map(|(k, _)| k);
        if let Some(k) = owner {
            polygons[k].push(hole);
        }
    }
    polygons
}

/// The angle of a turn from direction `a` to direction `b`, in radians, left positive (in
/// the topology's y-down coordinates, "left" as seen on screen is negative).
fn turn(a: [f64; 2], b: [f64; 2]) -> f64 {
    let cross = a[0] * b[1] - a[1] * b[0];
    let dot = a[0] * b[0] + a[1] * b[1];
    cross.atan2(dot)
}

fn direction(from: Point, to: Point) -> [f64; 2] {
    [(to[0] - from[0]) as f64, (to[1] - from[1]) as f64]
}

/// Chains directed edges into closed rings. Where several edges leave a point (two parts of
/// the state touch there), the ring takes the one turning most towards its inside, so that
/// rings touch at such points instead of crossing.
fn chain(edges: &[Vec<Point>], exterior_sign: i128) -> Vec<Vec<Point>> {
    let mut leaving: HashMap<Point, Vec<usize>> = HashMap::new();
    for (k, e) in edges.iter().enumerate() {
        leaving.entry(e[0]).or_default().push(k);
    }
    let mut used = vec![false; edges.len()];
    let mut rings = Vec::new();
    // Chains that stop short of their start: where Natural Earth's two sides of a former
    // border lie a hair apart, an outline's arcs may end a grid step from the next one's start.
    let mut open: Vec<Vec<Point>> = Vec::new();
    for first in 0..edges.len() {
        if used[first] {
            continue;
        }
        used[first] = true;
        let mut ring = edges[first].clone();
        let start = ring[0];
        loop {
            let end = ring[ring.len() - 1];
            if end == start {
                rings.push(ring);
                break;
            }
            let incoming = direction(ring[ring.len() - 2], end);
            let next = leaving.get(&end).and_then(|candidates| {
                candidates
                    .iter()
                    .copied()
                    .filter(|&k| !used[k])
                    .max_by(|&a, &b| {
                        let ta = turn(incoming, direction(edges[a][0], edges[a][1]));
                        let tb = turn(incoming, direction(edges[b][0], edges[b][1]));
                        // The inside lies to the side the exterior's winding turns to.
                        let (ta, tb) = if exterior_sign > 0 {
                            (ta, tb)
                        } else {
                            (-ta, -tb)
                        };
                        ta.total_cmp(&tb)
                    })
            });
            let Some(k) = next else {
                open.push(ring);
                break;
            };
            used[k] = true;
            ring.extend_from_slice(&edges[k][1..]);
        }
    }
    // Each open chain goes on with the chain that starts nearest its end (itself, if that is
    // nearest: then it closes).
    while let Some(mut ring) = open.pop() {
        loop {
            let end = ring[ring.len() - 1];
            let gap = |p: Point| (p[0] - end[0]).abs() + (p[1] - end[1]).abs();
            let nearest = open
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| gap(c[0]))
                .map(|(k, c)| (k, gap(c[0])));
            match nearest {
                Some((k, g)) if g < gap(ring[0]) => {
                    let next = open.swap_remove(k);
                    ring.extend(next);
                }
                _ => {
                    ring.push(ring[0]);
                    rings.push(ring);
                    break;
                }
            }
        }
    }
    rings
}

/// Twice the signed area of a ring of longitude and latitude (positive counter-clockwise).
fn lon_lat_area2(ring: &[[f64; 2]]) -> f64 {
    ring.windows(2)
        .map(|w| w[0][0] * w[1][1] - w[1][0] * w[0][1])
        .sum()
}

/// A polygon in longitude and latitude rounded to 5 decimals (about a metre), wound as
/// RFC 7946 asks: exterior counter-clockwise, holes clockwise.
fn to_lon_lat(decoded: &Decoded, polygon: &Polygon) -> Vec<Vec<[f64; 2]>> {
    polygon
        .iter()
        .enumerate()
        .map(|(k, ring)| {
            let mut out: Vec<[f64; 2]> = ring
                .iter()
                .map(|p| {
                    let (lon, lat) = decoded
                        .topology
                        .to_lon_lat([p[0] as f64, p[1] as f64])
                        .unwrap_or((0.0, 0.0));
                    [(lon * 1e5).round() / 1e5, (lat * 1e5).round() / 1e5]
                })
                .collect();
            let ccw = lon_lat_area2(&out) > 0.0;
            if ccw != (k == 0) {
                out.reverse();
            }
            out
        })
        .collect()
}

/// The states of a map as its GeoJSON features list them, in the order of the states' ids:
/// each state's regions (in the topology's order) and its properties `id`, `name`, `timeline`,
/// `date`, `regions` and `sources`. The page's download and `atlas export` both write these.
pub fn state_features(
    decoded: &Decoded,
    atlas: &Atlas,
    maps: &TimelineMaps,
    state: &MapState,
) -> Vec<(Vec<usize>, Map<String, Value>)> {
    let regions = &decoded.topology.regions;
    let areas: Vec<f64> = regions.iter().map(|r| r.area_km2).collect();
    let sources = atlas
        .sources(&maps.timeline)
        .map(<[String]>::to_vec)
        .unwrap_or_default();
    let mut states = state.states_on_map(&areas);
    states.sort_by(|a, b| maps.states[a.state].id.cmp(&maps.states[b.state].id));
    states
        .into_iter()
        .map(|s| {
            let mut parts = s.parts;
            parts.sort_unstable();
            let holder = &maps.states[s.state];
            let mut properties = Map::new();
            properties.insert("id".into(), json!(holder.id));
            properties.insert(
                "name".into(),
                json!(holder.name_on(state.shown, Names::English)),
            );
            properties.insert("timeline".into(), json!(maps.timeline));
            properties.insert("date".into(), json!(state.date.to_string()));
            properties.insert(
                "regions".into(),
                json!(parts
                    .iter()
                    .map(|&r| regions[r].id.as_str())
                    .collect::<Vec<_>>()),
            );
            properties.insert("sources".into(), json!(sources));
            (parts, properties)
        })
        .collect()
}

/// One map of a timeline as a GeoJSON FeatureCollection: one dissolved MultiPolygon per state
/// ([`state_features`]).
pub fn map_geojson(
    decoded: &Decoded,
    atlas: &Atlas,
    maps: &TimelineMaps,
    state: &MapState,
) -> Value {
    let features: Vec<Value> = state_features(decoded, atlas, maps, state)
        .into_iter()
        .map(|(parts, properties)| {
            let polygons: Vec<Vec<Vec<[f64; 2]>>> = dissolve(decoded, &parts)
                .iter()
                .map(|p| to_lon_lat(decoded, p))
                .collect();
            json!({
                "type": "Feature",
                "geometry": { "type": "MultiPolygon", "coordinates": polygons },
                "properties": properties,
            })
        })
        .collect();
    json!({ "type": "FeatureCollection", "features": features })
}
