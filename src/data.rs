//! Fetches and decodes the data the page needs; every failure becomes an error the page
//! can show, with a Retry.

use crate::model::atlas::{Atlas, AtlasFile};
use crate::model::passages::Corpus;
use crate::model::topology::{Decoded, Point, Topology};
use serde::Deserialize;
use std::fmt;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Where the pipeline's output is served (copied there by Trunk from `geodata/build/`).
pub const TOPOLOGY_URL: &str = "data/topology.json";
pub const ATLAS_URL: &str = "data/atlas.json";
pub const CORPUS_URL: &str = "data/corpus.json";

/// Why the data could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The request failed (offline, blocked, ...).
    Network { url: String, detail: String },
    /// The server answered with an error status.
    Status { url: String, status: u16 },
    /// The file arrived but is not what the atlas expects (truncated, wrong format or version).
    Format { url: String, detail: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, detail } => write!(f, "Could not fetch {url}: {detail}"),
            LoadError::Status { url, status } => {
                write!(f, "Could not fetch {url}: the server answered {status}")
            }
            LoadError::Format { url, detail } => {
                write!(f, "{url} is damaged or of another version: {detail}")
            }
        }
    }
}

impl std::error::Error for LoadError {}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let network = |e: wasm_bindgen::JsValue| LoadError::Network {
        url: url.to_string(),
        detail: e.as_string().unwrap_or_else(|| format!("{e:?}")),
    };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Status {
            url: url.to_string(),
            status: response.status(),
        });
    }
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    text.as_string().ok_or_else(|| LoadError::Format {
        url: url.to_string(),
        detail: "not text".into(),
    })
}

fn parse<T: for<'de> Deserialize<'de>>(url: &str, text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|e| LoadError::Format {
        url: url.to_string(),
        detail: e.to_string(),
    })
}

/// Everything the map draws, decoded and with its SVG paths built once.
#[derive(Debug)]
pub struct MapData {
    pub decoded: Decoded,
    pub atlas: Atlas,
    pub corpus: Corpus,
    /// One SVG path per region.
    pub region_paths: Vec<String>,
    /// One SVG path per arc.
    pub arc_paths: Vec<String>,
    /// All coast arcs (one region on them) in one path.
    pub coast_path: String,
    /// Arcs between two regions, with the two region indices.
    pub borders: Vec<(usize, usize, usize)>,
    /// Each region's bounding box in map units: [min x, min y, max x, max y].
    pub bboxes: Vec<[f64; 4]>,
}

fn path_of_points(points: &[Point], out: &mut String) {
    use std::fmt::Write;
    for (k, p) in points.iter().enumerate() {
        let _ = write!(out, "{}{} {}", if k == 0 { 'M' } else { 'L' }, p[0], p[1]);
    }
}

impl MapData {
    /// Builds the paths from a decoded topology.
    pub fn new(decoded: Decoded, atlas: Atlas, corpus: Corpus) -> MapData {
        let region_paths = decoded
            .rings
            .iter()
            .map(|polygons| {
                let mut d = String::new();
                for ring in polygons.iter().flatten() {
                    path_of_points(ring, &mut d);
                    d.push('Z');
                }
                d
            })
            .collect();
        let arc_paths: Vec<String> = decoded
            .arcs
            .iter()
            .map(|a| {
                let mut d = String::new();
                path_of_points(a, &mut d);
                d
            })
            .collect();
        let mut coast_path = String::new();
        let mut borders = Vec::new();
        for (i, sides) in decoded.sides.iter().enumerate() {
            match sides[..] {
                [_] => coast_path.push_str(&arc_paths[i]),
                [a, b] => borders.push((i, a, b)),
                _ => {}
            }
        }
        let bboxes = decoded
            .rings
            .iter()
            .map(|polygons| {
                polygons.iter().flatten().flatten().fold(
                    [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
                    |b, p| {
                        let (x, y) = (p[0] as f64, p[1] as f64);
                        [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)]
                    },
                )
            })
            .collect();
        MapData {
            decoded,
            atlas,
            corpus,
            bboxes,
            region_paths,
            arc_paths,
            coast_path,
            borders,
        }
    }

    /// Decodes the files' texts; errors name the file.
    pub fn from_texts(topology: &str, atlas: &str, corpus: &str) -> Result<MapData, LoadError> {
        let topology: Topology = parse(TOPOLOGY_URL, topology)?;
        let decoded = topology.decode().map_err(|e| LoadError::Format {
            url: TOPOLOGY_URL.into(),
            detail: e.to_string(),
        })?;
        let file: AtlasFile = parse(ATLAS_URL, atlas)?;
        let atlas = file.into_atlas().map_err(|detail| LoadError::Format {
            url: ATLAS_URL.into(),
            detail,
        })?;
        let corpus: Corpus = parse(CORPUS_URL, corpus)?;
        Ok(MapData::new(decoded, atlas, corpus))
    }
}

/// Fetches and decodes everything the first map needs.
pub async fn load() -> Result<Arc<MapData>, LoadError> {
    // The three files travel side by side; the first failure is the one reported.
    let (topology, atlas, corpus) = futures::try_join!(
        fetch_text(TOPOLOGY_URL),
        fetch_text(ATLAS_URL),
        fetch_text(CORPUS_URL)
    )?;
    MapData::from_texts(&topology, &atlas, &corpus).map(Arc::new)
}
