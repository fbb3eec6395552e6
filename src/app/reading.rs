//! Read with the map: the passage a text beside the map is at, the year and places it gives
//! the map, and the steps that open, follow and close it.

use super::url::{HistoryMode, Steps};
use crate::data::MapData;
use crate::model::camera::Camera;
use crate::model::passages::Corpus;
use leptos::prelude::*;
use std::sync::Arc;

pub struct Reading {
    /// The passage the text beside the map is at, if it is open.
    pub reading: Memo<Option<String>>,
    /// The places that passage names (marked on the map).
    pub named: Memo<Vec<String>>,
    /// Opens the text at a passage (the map goes to its year), or closes it: a history step.
    pub on_read_along: Callback<Option<String>>,
    /// The passage at the reading line changed while scrolling: the map follows, in place.
    pub on_read_at: Callback<String>,
}

pub fn reading(
    data: Arc<MapData>,
    steps: Steps,
    loaded: Memo<Option<Arc<Corpus>>>,
    camera: RwSignal<Camera>,
    screen: RwSignal<(f64, f64)>,
) -> Reading {
    let moment = steps.moment;
    let reading = Memo::new(move |_| moment.with(|m| m.reading.clone()));
    // The text at a passage (or closed), the slider at the passage's year.
    let read = move |id: Option<String>, mode: HistoryMode| {
        let year = loaded.with_untracked(|c| {
            c.as_ref()
                .zip(id.as_ref())
                .and_then(|(c, id)| c.follow(id))
                .map(|f| f.year)
        });
        steps.step(
            &|m| {
                m.reading = id.clone();
                if let Some(y) = year {
                    m.year = y;
                }
            },
            mode,
        )
    };
    let on_read_along = Callback::new(move |id: Option<String>| read(id, HistoryMode::Push));
    let on_read_at = Callback::new(move |id: String| read(Some(id), HistoryMode::Replace));
    // The places the passage at the reading line names, marked on the map; the map goes to
    // the first of them if it is off screen.
    let named = Memo::new(move |_| {
        let id = reading.get();
        loaded.with(|c| {
            c.as_ref()
                .zip(id)
                .and_then(|(c, id)| c.follow(&id))
                .map(|f| f.places)
                .unwrap_or_default()
        })
    });
    Effect::new({
        let data = data.clone();
        move |_| {
            let first = named.with(|n| n.first().cloned());
            let at = first.and_then(|id| {
                loaded.with_untracked(|c| {
                    let p = c.as_ref()?.place(&id)?;
                    data.decoded.topology.to_map(p.lon, p.lat)
                })
            });
            let Some([x, y]) = at else { return };
            let unit = data.decoded.topology.unit_m;
            let c = camera.get_untracked();
            let [x0, y0, x1, y1] = c.visible(unit, screen.get_untracked());
            if !(x0..=x1).contains(&x) || !(y0..=y1).contains(&y) {
                camera.set(Camera::new(x, y, c.zoom));
            }
        }
    });
    Reading {
        reading,
        named,
        on_read_along,
        on_read_at,
    }
}
