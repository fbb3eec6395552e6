//! Answers from the built data: the borders of a year as GeoJSON (one dissolved feature per
//! state, in WGS84 longitude and latitude), and who holds the land at a point.

use super::arcs::to_polygon;
use crate::model::atlas::{Atlas, AtlasError};
use crate::model::date::Date;
use crate::model::dissolve::state_features;
use crate::model::map_state::{MapState, TimelineMaps};
use crate::model::permalink::Names;
use crate::model::topology::Decoded;
use geo::orient::{Direction, Orient};
use geo::{Coord, MapCoords, MultiPolygon, Polygon};
use geojson::{Feature, FeatureCollection};
use serde_json::{json, Value};

/// Longitude and latitude rounded to 5 decimals (about a metre), so exports stay small
/// and two runs give the same bytes.
fn to_lon_lat(decoded: &Decoded, c: Coord<f64>) -> Coord<f64> {
    let (lon, lat) = decoded
        .topology
        .to_lon_lat([c.x, c.y])
        .unwrap_or((0.0, 0.0));
    Coord {
        x: (lon * 1e5).round() / 1e5,
        y: (lat * 1e5).round() / 1e5,
    }
}

/// Drops the hairline holes and crumbs that dissolving leaves where Natural Earth's two sides
/// of a former border were a few metres apart (smaller than 2 km²; no lake or island of the
/// map is that small, since the pipeline leaves out islands under 15 km²).
fn without_slivers(shape: MultiPolygon<f64>, unit_m: f64) -> MultiPolygon<f64> {
    use geo::Area;
    let min = crate::model::dissolve::SLIVER_M2 / (unit_m * unit_m);
    let big =
        |ring: &geo::LineString<f64>| Polygon::new(ring.clone(), Vec::new()).unsigned_area() >= min;
    MultiPolygon(
        shape
            .0
            .into_iter()
            .filter(|p| big(p.exterior()))
            .map(|p| {
                let (outer, holes) = p.into_inner();
                Polygon::new(outer, holes.into_iter().filter(|h| big(h)).collect())
            })
            .collect(),
    )
}

/// The map of a timeline on the day a year stands for: one dissolved feature per state, in
/// the order of the states' ids, exterior rings counter-clockwise as RFC 7946 asks.
pub fn export_year(
    decoded: &Decoded,
    atlas: &Atlas,
    timeline: &str,
    year: i32,
) -> Result<FeatureCollection, AtlasError> {
    let maps = TimelineMaps::new(atlas, timeline, &region_ids(decoded))?;
    Ok(export_map(decoded, atlas, &maps, maps.year(year)))
}

/// The region ids of a topology, in its order.
pub fn region_ids(decoded: &Decoded) -> Vec<&str> {
    decoded
        .topology
        .regions
        .iter()
        .map(|r| r.id.as_str())
        .collect()
}

/// One map of a timeline as GeoJSON.
pub fn export_map(
    decoded: &Decoded,
    atlas: &Atlas,
    maps: &TimelineMaps,
    state: &MapState,
) -> FeatureCollection {
    let features = state_features(decoded, atlas, maps, state)
        .into_iter()
        .map(|(parts, properties)| {
            let polygons: Vec<Polygon<f64>> = parts
                .iter()
                .flat_map(|&r| decoded.rings[r].iter().map(|rings| to_polygon(rings)))
                .collect();
            let dissolved =
                without_slivers(geo::unary_union(polygons.iter()), decoded.topology.unit_m);
            let lon_lat = dissolved
                .map_coords(|c| to_lon_lat(decoded, c))
                .orient(Direction::Default);
            Feature {
                bbox: None,
                geometry: Some(geojson::Geometry::from(&lon_lat)),
                id: None,
                properties: Some(properties),
                foreign_members: None,
            }
        })
        .collect();
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    }
}

/// The region at a longitude and latitude and who holds it on a day, as JSON; `region: null`
/// at sea or outside the map.
pub fn owner_at(
    decoded: &Decoded,
    atlas: &Atlas,
    timeline: &str,
    date: Date,
    lon: f64,
    lat: f64,
) -> Result<Value, AtlasError> {
    let maps = TimelineMaps::new(atlas, timeline, &region_ids(decoded))?;
    let index = decoded
        .topology
        .to_map(lon, lat)
        .and_then(|p| decoded.region_at(p));
    let Some(index) = index else {
        return Ok(
            json!({ "timeline": timeline, "date": date.to_string(), "at": [lon, lat], "region": null, "holder": null }),
        );
    };
    let region = &decoded.topology.regions[index];
    let map = maps.at(atlas, date)?;
    let cell = map.cells[index];
    let record = cell.map(|c| &atlas.timelines[c.record.timeline].records[c.record.record]);
    let state = |i: usize| {
        let s = &maps.states[i];
        json!({ "id": s.id, "name": s.name_on(map.shown, Names::English) })
    };
    Ok(json!({
        "timeline": timeline,
        "date": date.to_string(),
        "at": [lon, lat],
        "region": { "id": region.id, "name": region.en, "local": region.local },
        "holder": cell.map(|c| state(c.holder)),
        "status": cell.map(|c| c.status.label()),
        "of": cell.and_then(|c| c.of).map(state),
        "dotted": cell.map(|c| c.dotted),
        "since": record.map(|r| r.from.to_string()),
        "note": record.and_then(|r| r.note.clone()),
    }))
}

/// The passages about a region or place in a timeline in a year, as `atlas passages` prints
/// them: nearest in date first, the evidence of the border shown before all.
pub fn passages_json(
    corpus: &crate::model::passages::Corpus,
    atlas: &Atlas,
    timeline: &str,
    year: i32,
    subject: crate::model::passages::Subject<'_>,
) -> Result<Value, AtlasError> {
    let date = Date::for_year(year);
    let list: Vec<Value> = corpus
        .for_moment(atlas, timeline, date, subject)?
        .into_iter()
        .map(|r| {
            let p = r.passage;
            let source = corpus.source(&p.source);
            json!({
                "id": p.id,
                "text": p.text,
                "source": p.source,
                "title": source.map(|s| s.title.clone()),
                "author": source.map(|s| s.author.clone()),
                "kind": p.kind,
                "heading": p.heading,
                "period": { "from": p.period.from, "to": p.period.to, "label": p.period.label(), "inferred": p.period.inferred, "basis": p.period.basis },
                "evidence_of_border": r.evidence.is_some(),
                "confidence_of_border": r.evidence,
            })
        })
        .collect();
    Ok(Value::Array(list))
}
