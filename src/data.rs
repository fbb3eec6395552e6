//! Fetches and decodes the data the page needs; every failure becomes an error the page
//! can show, with a Retry.

use crate::model::atlas::{Atlas, AtlasFile};
use crate::model::map_state::border_pairs;
use crate::model::passages::Corpus;
use crate::model::paths::{coarse_arcs, paths, Paths, COARSE_ABOVE_UNITS_PER_PX};
use crate::model::topology::{Decoded, Topology};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, OnceLock, RwLock};
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

/// Everything the map draws, decoded, with its SVG paths built once per level of detail.
#[derive(Debug)]
pub struct MapData {
    pub decoded: Decoded,
    /// The timelines the site serves.
    pub built: Arc<Atlas>,
    /// Those and the reader's own ([`MapData::set_own`]).
    live: RwLock<Arc<Atlas>>,
    /// The pairs of regions that share a border, each once.
    pub pairs: Vec<[usize; 2]>,
    /// Paths for a map seen from afar.
    pub coarse: Paths,
    /// Paths at the data's full detail, built the first time they are needed.
    fine: OnceLock<Paths>,
    /// Each region's bounding box in map units: [min x, min y, max x, max y].
    pub bboxes: Vec<[f64; 4]>,
    /// The source texts named by id (“title”, author), from the atlas file: for the page
    /// before the texts are in.
    pub source_names: BTreeMap<String, String>,
}

impl MapData {
    /// Builds the coarse paths from a decoded topology.
    pub fn new(decoded: Decoded, atlas: Atlas) -> MapData {
        let pairs = border_pairs(&decoded.sides);
        let coarse = paths(&decoded, &pairs, &coarse_arcs(&decoded));
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
        let built = Arc::new(atlas);
        MapData {
            decoded,
            live: RwLock::new(built.clone()),
            built,
            pairs,
            coarse,
            fine: OnceLock::new(),
            bboxes,
            source_names: BTreeMap::new(),
        }
    }

    /// Whether a map drawn at `units_per_px` map units per screen pixel takes the coarse
    /// paths.
    pub fn coarse_at(units_per_px: f64) -> bool {
        units_per_px >= COARSE_ABOVE_UNITS_PER_PX
    }

    /// The coarse paths or those of full detail.
    pub fn paths(&self, coarse: bool) -> &Paths {
        if coarse {
            &self.coarse
        } else {
            self.fine
                .get_or_init(|| paths(&self.decoded, &self.pairs, &self.decoded.arcs))
        }
    }

    /// Every timeline the page can show: the site's, then the reader's own.
    pub fn atlas(&self) -> Arc<Atlas> {
        self.live
            .read()
            .map(|a| a.clone())
            .unwrap_or_else(|_| self.built.clone())
    }

    /// Whether a timeline is one of the reader's own (not one the site serves).
    pub fn is_own(&self, timeline: &str) -> bool {
        self.built.timeline(timeline).is_err()
    }

    /// Puts the reader's own timelines beside the site's (in place of those set before).
    pub fn set_own(&self, own: Vec<crate::model::atlas::Timeline>) {
        let mut timelines = self.built.timelines.clone();
        timelines.extend(own);
        if let Ok(mut live) = self.live.write() {
            *live = Arc::new(Atlas { timelines });
        }
    }

    /// The number of regions.
    pub fn region_count(&self) -> usize {
        self.decoded.topology.regions.len()
    }

    /// The region ids in the topology's order.
    pub fn region_ids(&self) -> Vec<&str> {
        self.decoded
            .topology
            .regions
            .iter()
            .map(|r| r.id.as_str())
            .collect()
    }

    /// Decodes the files' texts; errors name the file.
    pub fn from_texts(topology: &str, atlas: &str) -> Result<MapData, LoadError> {
        let topology: Topology = parse(TOPOLOGY_URL, topology)?;
        let decoded = topology.decode().map_err(|e| LoadError::Format {
            url: TOPOLOGY_URL.into(),
            detail: e.to_string(),
        })?;
        let mut file: AtlasFile = parse(ATLAS_URL, atlas)?;
        let source_names = std::mem::take(&mut file.sources);
        let atlas = file.into_atlas().map_err(|detail| LoadError::Format {
            url: ATLAS_URL.into(),
            detail,
        })?;
        for t in &atlas.timelines {
            atlas.lineage(&t.id).map_err(|e| LoadError::Format {
                url: ATLAS_URL.into(),
                detail: e.to_string(),
            })?;
        }
        Ok(MapData {
            source_names,
            ..MapData::new(decoded, atlas)
        })
    }
}

/// Fetches and decodes what the first map needs: the regions and the timelines.
pub async fn load() -> Result<Arc<MapData>, LoadError> {
    // The two files travel side by side; the first failure is the one reported.
    let (topology, atlas) = futures::try_join!(fetch_text(TOPOLOGY_URL), fetch_text(ATLAS_URL))?;
    MapData::from_texts(&topology, &atlas).map(Arc::new)
}

/// Fetches and decodes the texts' passages, which the first map does without.
pub async fn load_corpus() -> Result<Arc<Corpus>, LoadError> {
    let text = fetch_text(CORPUS_URL).await?;
    parse(CORPUS_URL, &text).map(Arc::new)
}

/// Resolves once the browser has painted the next frame (a frame, then a task after it), so
/// that work started after it stays off the path of what that frame shows.
pub async fn after_next_paint() {
    let promise = web_sys::js_sys::Promise::new(&mut |resolve, _| {
        let Some(w) = web_sys::window() else {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            return;
        };
        let after = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            }
        });
        let _ = w.request_animation_frame(after.unchecked_ref());
    });
    let _ = JsFuture::from(promise).await;
}
