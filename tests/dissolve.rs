//! The dissolve of a state's regions (`model::dissolve`), checked against polygon clipping
//! (the `geo` crate's union) on the built map: the same land, valid rings, wound as RFC 7946
//! asks; and the page's GeoJSON equal to `atlas export`'s.
#![cfg(not(target_arch = "wasm32"))]

use geo::{Area, BooleanOps, MultiPolygon, Polygon, Validation, Winding};
use serde_json::Value;
use std::sync::OnceLock;
use uchronia::model::atlas::{Atlas, AtlasFile};
use uchronia::model::dissolve::{dissolve, map_geojson};
use uchronia::model::map_state::TimelineMaps;
use uchronia::model::topology::{ring_area2, Decoded, Point, Topology};
use uchronia::pipeline::export::region_ids;

fn built() -> &'static (Decoded, Atlas) {
    static BUILT: OnceLock<(Decoded, Atlas)> = OnceLock::new();
    BUILT.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/build/");
        let read = |f: &str| std::fs::read_to_string(format!("{dir}{f}")).unwrap();
        let topology: Topology = serde_json::from_str(&read("topology.json")).unwrap();
        let atlas: AtlasFile = serde_json::from_str(&read("atlas.json")).unwrap();
        (topology.decode().unwrap(), atlas.into_atlas().unwrap())
    })
}

fn ring(points: &[Point]) -> geo::LineString<f64> {
    points.iter().map(|p| (p[0] as f64, p[1] as f64)).collect()
}

fn shape(polygons: &[Vec<Vec<Point>>]) -> MultiPolygon<f64> {
    MultiPolygon(
        polygons
            .iter()
            .map(|p| Polygon::new(ring(&p[0]), p[1..].iter().map(|h| ring(h)).collect()))
            .collect(),
    )
}

#[test]
fn each_state_dissolves_to_the_union_of_its_regions() {
    let (decoded, atlas) = built();
    let ids = region_ids(decoded);
    let unit2 = decoded.topology.unit_m.powi(2);
    let mut compared = 0;
    for (timeline, year) in [
        ("real", 1919),
        ("real", 1930),
        ("real", 1941),
        ("red-triumph", 1925),
    ] {
        let maps = TimelineMaps::new(atlas, timeline, &ids).unwrap();
        let areas: Vec<f64> = decoded
            .topology
            .regions
            .iter()
            .map(|r| r.area_km2)
            .collect();
        for s in maps.year(year).states_on_map(&areas) {
            let name = &maps.states[s.state].name;
            let polygons = dissolve(decoded, &s.parts);
            // The same land: the arcs inside the state cancel out of the sum of its regions'
            // signed areas, so the outline's signed area equals that sum, less the hairline
            // holes dropped (under 2 km² each) and the hairline gaps closed along seams
            // (within 0.02% of its area).
            let signed = |rings: &mut dyn Iterator<Item = &Vec<Point>>| {
                rings.map(|r| ring_area2(r)).sum::<i128>()
            };
            let given = signed(
                &mut s
                    .parts
                    .iter()
                    .flat_map(|&r| decoded.rings[r].iter().flatten()),
            );
            let outline = signed(&mut polygons.iter().flatten());
            let dropped_m2 = (given - outline).abs() as f64 / 2.0 * unit2;
            let area_m2 = given.abs() as f64 / 2.0 * unit2;
            assert!(
                dropped_m2 <= 2.0e6 * s.parts.len() as f64 + 2.0e-4 * area_m2,
                "{timeline} {year} {name}: {:.1} km² lost",
                dropped_m2 / 1e6
            );
            // Where every region's rings are valid, clipping agrees.
            let ours = shape(&polygons);
            if s.parts.iter().all(|&r| shape(&decoded.rings[r]).is_valid()) {
                let reference = s
                    .parts
                    .iter()
                    .map(|&r| shape(&decoded.rings[r]))
                    .fold(MultiPolygon(Vec::new()), |acc, p| acc.union(&p));
                let differ = ours.xor(&reference).unsigned_area() * unit2;
                assert!(
                    differ <= 2.0e6 * (s.parts.len() as f64 + 1.0),
                    "{timeline} {year} {name}: {:.1} km² differ",
                    differ / 1e6
                );
                compared += 1;
            }
            // Each ring closed. (Rings may touch or cross themselves by a hair where Natural
            // Earth's sides of a former border lie a grid step apart, and a few simplified
            // islands cross themselves as they come; the land is the same, as above.)
            for p in &ours.0 {
                assert!(
                    p.exterior().is_closed() && p.exterior().0.len() >= 4,
                    "{name}"
                );
            }
        }
    }
    assert!(compared > 20, "clipping compared on {compared} states");
}

#[test]
fn the_geojson_is_rfc_7946_with_one_feature_per_state() {
    let (decoded, atlas) = built();
    let ids = region_ids(decoded);
    let maps = TimelineMaps::new(atlas, "real", &ids).unwrap();
    let fc = map_geojson(decoded, atlas, &maps, maps.year(1930));
    let parsed: geojson::FeatureCollection =
        geojson::FeatureCollection::try_from(fc.to_string().parse::<geojson::GeoJson>().unwrap())
            .unwrap();
    let mut regions = Vec::new();
    for f in &parsed.features {
        assert_eq!(
            f.property("date").and_then(Value::as_str),
            Some("1930-12-31")
        );
        let shape: MultiPolygon<f64> = f.geometry.clone().unwrap().value.try_into().unwrap();
        assert!(!shape.0.is_empty());
        for p in shape.0.iter().filter(|p| p.is_valid()) {
            assert!(p.exterior().is_ccw());
            assert!(p.interiors().iter().all(|h| h.is_cw()));
        }
        regions.extend(
            f.property("regions")
                .and_then(Value::as_array)
                .unwrap()
                .iter()
                .map(|r| r.as_str().unwrap().to_string()),
        );
    }
    regions.sort();
    let mut all: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    all.sort();
    assert_eq!(regions, all, "every region in exactly one state");
}

#[test]
fn the_page_s_geojson_has_the_features_and_properties_of_atlas_export() {
    let (decoded, atlas) = built();
    let ids = region_ids(decoded);
    for (timeline, year) in [("real", 1938), ("rosas-reich", 1920)] {
        let maps = TimelineMaps::new(atlas, timeline, &ids).unwrap();
        let page = map_geojson(decoded, atlas, &maps, maps.year(year));
        let cli = uchronia::pipeline::export::export_year(decoded, atlas, timeline, year).unwrap();
        let cli = serde_json::to_value(geojson::GeoJson::from(cli)).unwrap();
        let properties = |fc: &Value| -> Vec<Value> {
            fc["features"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["properties"].clone())
                .collect()
        };
        assert_eq!(properties(&page), properties(&cli), "{timeline} {year}");
    }
}
