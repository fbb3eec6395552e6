//! The reader's own timelines in the page: the one a shared link carries, the regions picked
//! for an edit (click, shift-click, Pick several, a rectangle), and files opened or dropped.

use super::url::{HistoryMode, Steps};
use crate::components::map::BoxSelect;
use crate::components::own_timeline::{read_file, timeline_in_fragment, Own, STORAGE_PREFIX};
use crate::data::MapData;
use crate::model::atlas::Timeline;
use crate::model::authoring::{regions_in_box, regions_in_lasso};
use crate::model::passages::Corpus;
use leptos::prelude::*;
use std::sync::Arc;

/// Opens the timeline a shared link carries, if any: (the id the link asked for, the id it is
/// kept under). What went wrong goes to the reader's notices.
pub fn open_shared(data: &MapData, own: Own) -> Option<(String, String)> {
    match timeline_in_fragment() {
        None => None,
        Some(Err(e)) => {
            own.problems.update(|p| {
                p.push(format!(
                    "The timeline in this link could not be opened: {e}."
                ))
            });
            None
        }
        Some(Ok(t)) => {
            let asked = t.id.clone();
            match own.import(data, None, t, "the link") {
                Ok((id, renamed)) => {
                    own.problems.update(|p| {
                        p.push("This link opened a timeline made by its author. It is now kept in this browser as your copy: your changes change only your copy.".into());
                        p.extend(renamed);
                    });
                    Some((asked, id))
                }
                Err(e) => {
                    own.problems.update(|p| p.push(e));
                    None
                }
            }
        }
    }
}

/// The regions picked for an edit, and how the map picks them.
pub struct Picking {
    /// Their ids, in the order picked.
    pub picked: RwSignal<Vec<String>>,
    /// On a touch screen (no Shift), a switch makes each tap add or remove a region.
    pub pick_several: RwSignal<bool>,
    /// A switch makes a drag on the map draw a lasso that picks the regions it encloses.
    pub lasso: RwSignal<bool>,
    /// Whether the shown timeline is one of the reader's (the map then picks for the editor).
    pub editing: Memo<bool>,
    /// A click (or Enter) on a region, with whether Shift was held.
    pub on_select: Callback<(usize, bool)>,
    pub box_select: BoxSelect,
    pub picked_indices: Signal<Vec<usize>>,
}

/// A click selects a region (and, in an own timeline, picks it alone); a shift-click or a
/// click with Pick several adds or removes it; a shift-drag picks every region whose centre
/// the rectangle encloses; a region selected otherwise (a search result, a link) is picked.
pub fn picking(
    data: Arc<MapData>,
    own: Own,
    timeline: Memo<String>,
    selection: Memo<Option<String>>,
    steps: Steps,
) -> Picking {
    let picked = RwSignal::new(Vec::<String>::new());
    // On a touch screen (no Shift), a switch makes each tap add or remove a region.
    let pick_several = RwSignal::new(false);
    let lasso = RwSignal::new(false);
    let editing = Memo::new(move |_| own.has(&timeline.get()));
    let on_select = {
        let data = data.clone();
        Callback::new(move |(i, extend): (usize, bool)| {
            let Some(id) = data.decoded.topology.regions.get(i).map(|r| r.id.clone()) else {
                return;
            };
            if editing.get_untracked() {
                if extend || pick_several.get_untracked() {
                    picked.update(|p| match p.iter().position(|r| *r == id) {
                        Some(k) => {
                            p.remove(k);
                        }
                        None => p.push(id.clone()),
                    });
                    return;
                }
                picked.set(vec![id.clone()]);
            }
            steps.step(&|m| m.selection = Some(id.clone()), HistoryMode::Push)
        })
    };
    // A shift-drag over the map, or a lasso, picks every region whose centre it encloses.
    let add_picked = move |data: &MapData, inside: Vec<usize>| {
        picked.update(|p| {
            for r in inside
                .iter()
                .filter_map(|&i| data.decoded.topology.regions.get(i))
            {
                if !p.contains(&r.id) {
                    p.push(r.id.clone());
                }
            }
        });
    };
    let box_select = BoxSelect {
        enabled: editing.into(),
        on_box: Callback::new({
            let data = data.clone();
            move |rect: [f64; 4]| {
                add_picked(&data, regions_in_box(&data.decoded.topology.regions, rect))
            }
        }),
        lasso: lasso.into(),
        on_lasso: Callback::new({
            let data = data.clone();
            move |line: Vec<[f64; 2]>| {
                add_picked(
                    &data,
                    regions_in_lasso(&data.decoded.topology.regions, &line),
                )
            }
        }),
    };
    // A region selected otherwise (a search result, a link, the address) is the one to edit.
    Effect::new(move |_| {
        let Some(id) = selection.get() else { return };
        if editing.get() && !picked.with_untracked(|p| p.contains(&id)) {
            picked.set(vec![id]);
        }
    });
    let picked_indices = Signal::derive({
        let data = data.clone();
        move || {
            picked.with(|p| {
                p.iter()
                    .filter_map(|id| data.decoded.region_index(id))
                    .collect::<Vec<_>>()
            })
        }
    });
    Picking {
        picked,
        pick_several,
        lasso,
        editing,
        on_select,
        box_select,
        picked_indices,
    }
}

/// A file opened or dropped on the page: its text (or why it could not be read), and its name.
pub type OpenedFile = (Result<String, String>, String);

/// "Make your own" (a new timeline, shown at once) and a file opened or dropped on the page.
pub fn file_handlers(
    data: Arc<MapData>,
    own: Own,
    loaded: Memo<Option<Arc<Corpus>>>,
    picked: RwSignal<Vec<String>>,
    steps: Steps,
) -> (Callback<Timeline>, Callback<OpenedFile>) {
    let on_create = {
        let data = data.clone();
        Callback::new(move |t: Timeline| {
            let id = own.add(&data, t);
            picked.set(Vec::new());
            steps.step(&|m| m.timeline = id.clone(), HistoryMode::Push)
        })
    };
    let on_open = {
        let data = data.clone();
        Callback::new(move |(text, name): (Result<String, String>, String)| {
            let opened = text.and_then(|text| {
                let t =
                    crate::model::share::from_file(&text).map_err(|e| format!("{name}: {e}"))?;
                loaded.with_untracked(|c| own.import(&data, c.as_deref(), t, &name))
            });
            match opened {
                Ok((id, renamed)) => {
                    own.problems.set(renamed.into_iter().collect());
                    steps.step(&|m| m.timeline = id.clone(), HistoryMode::Push)
                }
                Err(e) => own.problems.set(vec![e]),
            }
        })
    };
    let on_drag = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let on_drop = window_event_listener(leptos::ev::drop, move |ev: web_sys::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            let name = file.name();
            read_file(file, move |r| on_open.run((r, name)));
        }
    });
    on_cleanup(move || {
        on_drag.remove();
        on_drop.remove();
    });
    (on_create, on_open)
}

/// Another tab of this browser that changes the reader's timelines is followed: its change is
/// taken in here (so an edit made here next builds on it, instead of overwriting it). A
/// timeline it deleted while shown here gives way to its base (the regions picked for it let
/// go), and the reader is told.
pub fn follow_other_tabs(
    data: Arc<MapData>,
    own: Own,
    steps: Steps,
    picked: RwSignal<Vec<String>>,
) {
    let listener = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        let tell = |said: String| {
            own.problems.update(|p| {
                if !p.contains(&said) {
                    p.push(said);
                }
            })
        };
        let Some(key) = ev.key() else {
            // The whole storage of this site was cleared.
            tell("This browser's storage for this page was cleared in another tab. Your timelines are still on this page: download those you want to keep, or reload to see the page without them.".into());
            return;
        };
        let Some(id) = key.strip_prefix(STORAGE_PREFIX) else {
            return;
        };
        match own.follow(&data, id) {
            Ok(None) => {}
            Ok(Some((name, base))) => {
                let shows = steps
                    .moment
                    .with_untracked(|m| m.timeline == id || m.compare.as_deref() == Some(id));
                if shows {
                    tell(format!(
                        "Your timeline '{name}' was deleted in another tab of this browser."
                    ));
                    leave_timeline(steps, picked, id, &base, HistoryMode::Replace);
                }
            }
            Err(e) => tell(e),
        }
    });
    on_cleanup(move || listener.remove());
}

/// The moment leaves a reader's timeline that is gone: shown, it gives way to `base`;
/// compared, the map beside goes. The regions picked for an edit are let go.
pub fn leave_timeline(
    steps: Steps,
    picked: RwSignal<Vec<String>>,
    id: &str,
    base: &str,
    mode: HistoryMode,
) {
    picked.set(Vec::new());
    steps.step(
        &|m| {
            if m.timeline == id {
                m.timeline = base.to_string();
            }
            if m.compare.as_deref() == Some(id) {
                m.compare = None;
            }
        },
        mode,
    );
}
