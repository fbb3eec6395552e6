//! The moment on screen, read from the address bar and kept in step with it: its parts as
//! memos, Back and Forward, and the steps that change it.
//!
//! A deliberate step (a year chosen with a key or a click, a timeline, a selection) pushes a
//! history entry so Back and Forward walk through them; a drag of the slider pushes one entry
//! when it starts and then only replaces it, and panning or zooming the map replaces it.

use super::authoring::open_shared;
use super::url::{
    against_corpus, against_data, camera_of, forget_pending_url, link_to, moment_from_location,
    timeline_ids, view_of, write_url, HistoryMode, Steps,
};
use crate::components::own_timeline::Own;
use crate::components::Gesture;
use crate::data::MapData;
use crate::model::camera::Camera;
use crate::model::passages::Corpus;
use crate::model::permalink::{Ignored, Moment, Names, Parsed};
use crate::model::search::Target;
use leptos::prelude::*;
use std::sync::Arc;

/// The moment and its parts. Each part is a memo of its own, so that what depends on one part
/// alone reruns only when that part changes (a pan reruns nothing that depends on the year).
#[derive(Clone, Copy)]
pub struct Now {
    pub moment: RwSignal<Moment>,
    /// The parts of the address set aside, with why.
    pub ignored: RwSignal<Vec<Ignored>>,
    pub camera: RwSignal<Camera>,
    pub steps: Steps,
    pub year: Memo<i32>,
    pub timeline: Memo<String>,
    pub selection: Memo<Option<String>>,
    pub names: Memo<Names>,
    /// The timeline of the map beside the first, if there is one.
    pub compare: Memo<Option<String>>,
    /// The year the address gives the map beside (`None`: the first map's).
    pub compare_year_set: Memo<Option<i32>>,
    /// The year of the map beside.
    pub compare_year: Memo<i32>,
}

impl Now {
    /// Reads the moment from the address (a shared timeline's link opens that timeline),
    /// writes back its canonical form, and follows Back and Forward. Once the corpus is in, a
    /// selection that is neither region nor place, and a passage to read that the corpus does
    /// not have, are set aside with a reason.
    pub fn from_address(
        data: &Arc<MapData>,
        own: Own,
        loaded: Memo<Option<Arc<Corpus>>>,
        home: Camera,
    ) -> Now {
        let from_link = open_shared(data, own);
        let Parsed {
            moment: mut first,
            ignored: first_ignored,
        } = against_data(data, moment_from_location(&timeline_ids(data)));
        // A shared link shows the timeline it carries (under its new id if it was renamed).
        if let Some((asked, id)) = &from_link {
            let query_named = window()
                .location()
                .search()
                .unwrap_or_default()
                .contains("t=");
            let named_it = |t: &str| t == asked || format!("own-{asked}") == t;
            if !query_named || named_it(&first.timeline) {
                first.timeline = id.clone();
            }
            if first.compare.as_deref().is_some_and(named_it) {
                first.compare = Some(id.clone());
            }
        }
        let moment = RwSignal::new(first);
        let ignored = RwSignal::new(first_ignored);
        let camera = RwSignal::new(camera_of(data, moment.get_untracked().view, home));
        // The address bar always holds the canonical form of what is shown.
        write_url(&moment.get_untracked(), HistoryMode::Replace);

        let on_pop = {
            let data = data.clone();
            window_event_listener(leptos::ev::popstate, move |_| {
                forget_pending_url();
                let Parsed {
                    moment: m,
                    ignored: mut i,
                } = against_data(&data, moment_from_location(&timeline_ids(&data)));
                if let Some(c) = loaded.get_untracked() {
                    i.extend(against_corpus(&data, &c, &m));
                }
                camera.set(camera_of(&data, m.view, home));
                moment.set(m);
                ignored.set(i);
            })
        };
        on_cleanup(move || on_pop.remove());

        let year = Memo::new(move |_| moment.with(|m| m.year));
        let compare_year_set = Memo::new(move |_| moment.with(|m| m.compare_year));
        let now = Now {
            moment,
            ignored,
            camera,
            steps: Steps { moment },
            year,
            timeline: Memo::new(move |_| moment.with(|m| m.timeline.clone())),
            selection: Memo::new(move |_| moment.with(|m| m.selection.clone())),
            names: Memo::new(move |_| moment.with(|m| m.names)),
            compare: Memo::new(move |_| moment.with(|m| m.compare.clone())),
            compare_year_set,
            compare_year: Memo::new(move |_| compare_year_set.get().unwrap_or(year.get())),
        };
        now.check_against_corpus(data.clone(), loaded);
        now
    }

    /// Once the corpus is in, a selection that is no region must be one of its places.
    fn check_against_corpus(self, data: Arc<MapData>, loaded: Memo<Option<Arc<Corpus>>>) {
        Effect::new(move |_| {
            let Some(c) = loaded.get() else { return };
            let set_aside = against_corpus(&data, &c, &self.moment.get_untracked());
            if !set_aside.is_empty() {
                let keys: Vec<String> = set_aside.iter().map(|i| i.key.clone()).collect();
                self.ignored.update(|list| list.extend(set_aside));
                self.step(
                    &|m| {
                        if keys.iter().any(|k| k == "r") {
                            m.selection = None;
                        }
                        if keys.iter().any(|k| k == "read") {
                            m.reading = None;
                        }
                    },
                    HistoryMode::Replace,
                );
            }
        });
    }

    /// A change of the moment, written to the address bar (see [`Steps::step`]).
    pub fn step(&self, change: &dyn Fn(&mut Moment), mode: HistoryMode) {
        self.steps.step(change, mode)
    }

    /// A region or place selected (or the selection closed): a history step.
    pub fn select(&self, id: Option<String>) {
        self.step(&|m| m.selection = id.clone(), HistoryMode::Push)
    }

    /// The slider: a chosen year is a history step; a drag is one step, whose entry its
    /// later years replace, and the address bar follows it at most four times a second.
    pub fn on_year(self) -> Callback<(i32, Gesture)> {
        // True between the first value of a drag and its end.
        let dragging = StoredValue::new(false);
        Callback::new(move |(y, gesture): (i32, Gesture)| {
            let changed = self.year.get_untracked() != y;
            let mode = match (gesture, dragging.get_value()) {
                (Gesture::Dragging, false) if changed => {
                    dragging.set_value(true);
                    HistoryMode::Push
                }
                (Gesture::Dragging, true) => HistoryMode::Replace,
                (Gesture::Settled, true) => {
                    dragging.set_value(false);
                    HistoryMode::Replace
                }
                (Gesture::Settled, false) => HistoryMode::Push,
                (Gesture::Dragging, false) => return,
            };
            match gesture {
                // The address bar follows a drag at most four times a second; its end is
                // written after its frame.
                Gesture::Dragging => self.steps.step_soon(&|m| m.year = y, mode),
                Gesture::Settled => self.step(&|m| m.year = y, mode),
            }
        })
    }

    /// A search result or a link in a passage: its moment (one history step), and the map
    /// centred on what it selects.
    pub fn on_pick(
        self,
        data: Arc<MapData>,
        loaded: Memo<Option<Arc<Corpus>>>,
    ) -> Callback<Target> {
        Callback::new(move |t: Target| {
            let at = t
                .selection
                .as_deref()
                .and_then(|id| match data.decoded.region_index(id) {
                    Some(i) => {
                        let p = data.decoded.topology.regions[i].label;
                        Some([p[0] as f64, p[1] as f64])
                    }
                    None => loaded.with_untracked(|c| {
                        let p = c.as_ref()?.place(id)?;
                        data.decoded.topology.to_map(p.lon, p.lat)
                    }),
                });
            if let Some([x, y]) = at {
                self.camera
                    .update(|c| *c = Camera::new(x, y, c.zoom.max(2.5)));
            }
            let view = view_of(&data, self.camera.get_untracked());
            self.step(
                &|m| {
                    if let Some(id) = &t.timeline {
                        m.timeline = id.clone();
                    }
                    if let Some(y) = t.year {
                        m.year = y;
                    }
                    if t.selection.is_some() {
                        m.selection = t.selection.clone();
                    }
                    m.view = view;
                },
                HistoryMode::Push,
            )
        })
    }

    /// The pan or zoom has come to rest: the view is written in place of the current entry.
    pub fn on_camera_settled(self, data: Arc<MapData>) -> Callback<()> {
        Callback::new(move |()| {
            let v = view_of(&data, self.camera.get_untracked());
            self.step(&|m| m.view = v, HistoryMode::Replace)
        })
    }

    /// The link to the moment (tracked), in the whole atlas or as the compact view for another
    /// page; a moment that shows a reader's own timeline carries that timeline.
    pub fn link(&self, data: &MapData, own: Own, embed: bool) -> String {
        own.revision.track();
        let mut m = self.moment.get();
        m.embed = embed;
        own.link_to(data, &m, &link_to(&m)).0
    }

    /// "Copy link": the link to the moment on the clipboard; what keeps a reader's own
    /// timeline out of it is said.
    pub fn copy_link(&self, data: &MapData, own: Own) {
        let m = self.moment.get_untracked();
        let (href, problem) = own.link_to(data, &m, &link_to(&m));
        own.problems.set(problem.into_iter().collect());
        let _ = window().navigator().clipboard().write_text(&href);
    }

    /// The address of the moment as it stands, without a reader's timeline (tracked).
    pub fn address(&self) -> Signal<String> {
        let moment = self.moment;
        Signal::derive(move || link_to(&moment.get()))
    }
}
