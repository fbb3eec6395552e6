//! A reader's own timelines: made from the one on screen, edited on the map, kept in the
//! browser's storage, downloaded and opened as files, shared by a link. The rules and the
//! edits are the model's ([`crate::model::authoring`], [`crate::model::rules`]); this module
//! holds the drafts and stores them; `fork` and `editor` are the forms.

mod editor;
mod fork;

pub use editor::Editor;
pub use fork::MakeYourOwn;

use crate::data::MapData;
use crate::model::atlas::Timeline;
use crate::model::authoring::{Change, Draft};
use crate::model::passages::Corpus;
use crate::model::permalink::Moment;
use crate::model::rules::{check_timeline, with_timeline, Problem};
use crate::model::share;
use leptos::prelude::*;

/// Where the browser keeps each own timeline: this prefix and its id.
pub const STORAGE_PREFIX: &str = "uchronia-timeline:";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The timeline stored under `id`, read from its file: or why it cannot be one of the
/// reader's (unreadable, stored under another id, or bearing the id of one of the atlas's).
fn stored_timeline(data: &MapData, id: &str, text: &str) -> Result<Timeline, String> {
    let t = share::from_file(text).map_err(|e| e.to_string())?;
    if t.id != id {
        return Err(format!("the file in it is the timeline '{}'", t.id));
    }
    if data.built.timeline(id).is_ok() {
        return Err(format!("'{id}' is one of the atlas's own timelines"));
    }
    Ok(t)
}

/// The rules a reader's timeline `t` breaks, in the atlas as it would stand with it (its
/// passages checked against the corpus, when it is loaded).
fn breaks_rules(data: &MapData, t: &Timeline, corpus: Option<&Corpus>) -> Vec<Problem> {
    let with = with_timeline(&data.atlas(), t.clone());
    let exists = corpus.map(|c| move |p: &str| c.passage(p).is_some());
    let exists = exists.as_ref().map(|f| f as &dyn Fn(&str) -> bool);
    check_timeline(&with, &t.id, &data.region_ids(), exists)
}

/// The reader's own timelines and what the page says of them.
#[derive(Clone, Copy)]
pub struct Own {
    pub drafts: RwSignal<Vec<Draft>>,
    /// Counts the changes, so that what is drawn from the timelines recomputes.
    pub revision: RwSignal<u64>,
    /// What went wrong with a file, a link or the storage.
    pub problems: RwSignal<Vec<String>>,
}

fn problem_text(what: &str, problems: &[Problem]) -> String {
    let shown: Vec<String> = problems.iter().take(5).map(ToString::to_string).collect();
    let more = problems.len().saturating_sub(5);
    format!(
        "{what}: {}{}",
        shown.join("; "),
        if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        }
    )
}

impl Own {
    /// The timelines kept in the browser, each checked by the rules; one that breaks them is
    /// reported and left in the storage as it is.
    pub fn load(data: &MapData) -> Own {
        let mut drafts: Vec<Draft> = Vec::new();
        let mut problems = Vec::new();
        if let Some(store) = storage() {
            let count = store.length().unwrap_or(0);
            let mut keys: Vec<String> = (0..count)
                .filter_map(|i| store.key(i).ok().flatten())
                .filter(|k| k.starts_with(STORAGE_PREFIX))
                .collect();
            keys.sort();
            let mut read = Vec::new();
            for key in keys {
                let Some(text) = store.get_item(&key).ok().flatten() else {
                    continue;
                };
                let id = &key[STORAGE_PREFIX.len()..];
                match stored_timeline(data, id, &text) {
                    Ok(t) => read.push(t),
                    Err(e) => problems.push(format!(
                        "Your timeline stored as '{id}' could not be read ({e}); it is kept as it was."
                    )),
                }
            }
            let mut atlas = (*data.built).clone();
            atlas.timelines.extend(read.iter().cloned());
            let regions = data.region_ids();
            for t in read {
                let found = check_timeline(&atlas, &t.id, &regions, None);
                if found.is_empty() {
                    drafts.push(Draft::new(t));
                } else {
                    problems.push(format!(
                        "{} It is kept in the browser as it was.",
                        problem_text(
                            &format!("Your timeline '{}' breaks the atlas's rules", t.name),
                            &found
                        )
                    ));
                }
            }
        } else {
            problems.push(
                "This browser keeps nothing for this page (private browsing, or site data turned off): timelines you make here are lost when the page closes, so download them to keep them.".into(),
            );
        }
        data.set_own(drafts.iter().map(|d| d.timeline.clone()).collect());
        Own {
            drafts: RwSignal::new(drafts),
            revision: RwSignal::new(0),
            problems: RwSignal::new(problems),
        }
    }

    /// The address of a moment, carrying the reader's timeline it shows or compares (if any);
    /// with what went wrong when one is too large for a link.
    pub fn link_to(
        &self,
        data: &MapData,
        moment: &Moment,
        plain: &str,
    ) -> (String, Option<String>) {
        let atlas = data.atlas();
        let own = [Some(&moment.timeline), moment.compare.as_ref()]
            .into_iter()
            .flatten()
            .find(|id| data.is_own(id))
            .and_then(|id| atlas.timeline(id).ok());
        let Some(t) = own else {
            return (plain.to_string(), None);
        };
        match share::to_link(t) {
            Ok(payload) => (format!("{plain}#{}={payload}", share::FRAGMENT_KEY), None),
            Err(e) => (
                plain.to_string(),
                Some(format!(
                    "The link leaves out your timeline '{}': {e}.",
                    t.name
                )),
            ),
        }
    }

    /// Whether a timeline id is in use: by a timeline on the page, or by one kept in the
    /// browser that could not be opened (kept as it was, and not to be overwritten).
    pub fn taken(&self, data: &MapData, id: &str) -> bool {
        data.atlas().timeline(id).is_ok()
            || storage()
                .and_then(|s| s.get_item(&format!("{STORAGE_PREFIX}{id}")).ok().flatten())
                .is_some()
    }

    /// Whether `id` is one of the reader's timelines (a change of them reruns the caller).
    pub fn has(&self, id: &str) -> bool {
        self.revision.track();
        self.drafts.with(|d| d.iter().any(|d| d.timeline.id == id))
    }

    /// The reader's timeline `id` as it stands (a change of them reruns the caller).
    pub fn draft(&self, id: &str) -> Option<Draft> {
        self.revision.track();
        self.drafts
            .with(|d| d.iter().find(|d| d.timeline.id == id).cloned())
    }

    /// Does `edit` to the draft `id`, if there is one; stores it if `edit` says it changed.
    fn edit<R>(
        &self,
        data: &MapData,
        id: &str,
        edit: impl FnOnce(&mut Draft) -> (bool, R),
    ) -> Option<R> {
        let mut outcome = None;
        self.drafts.update_untracked(|drafts| {
            outcome = drafts.iter_mut().find(|d| d.timeline.id == id).map(edit);
        });
        let (changed, result) = outcome?;
        if changed {
            self.changed(data, &[id.to_string()]);
        }
        Some(result)
    }

    /// After a change of the drafts: the storage, the atlas and what depends on them.
    fn changed(&self, data: &MapData, touched: &[String]) {
        if let Some(store) = storage() {
            for id in touched {
                let key = format!("{STORAGE_PREFIX}{id}");
                let result = self.drafts.with_untracked(|drafts| {
                    match drafts.iter().find(|d| &d.timeline.id == id) {
                        Some(d) => store.set_item(&key, &share::to_file(&d.timeline)),
                        None => store.remove_item(&key),
                    }
                });
                if result.is_err() {
                    self.problems.update(|p| {
                        p.push(format!(
                            "The browser refused to keep your timeline '{id}' (its storage may be full or turned off): download it to keep it."
                        ))
                    });
                }
            }
        }
        self.refresh(data);
    }

    /// Applies a change to the draft `id`; the problems if the rules refuse it.
    pub fn apply(&self, data: &MapData, id: &str, change: Change) -> Result<(), Vec<Problem>> {
        let (atlas, regions) = (data.atlas(), data.region_ids());
        self.edit(data, id, |d| {
            let result = d.apply(&atlas, &regions, change);
            (result.is_ok(), result)
        })
        .unwrap_or(Ok(()))
    }

    /// Undo (or redo) on the draft `id`.
    pub fn step_back(&self, data: &MapData, id: &str, undo: bool) {
        self.edit(data, id, |d| (if undo { d.undo() } else { d.redo() }, ()));
    }

    /// Adds a new timeline; returns its id.
    pub fn add(&self, data: &MapData, mut timeline: Timeline) -> String {
        if self.taken(data, &timeline.id) {
            timeline.id =
                crate::model::authoring::unique_id(&timeline.id, |id| self.taken(data, id));
        }
        let id = timeline.id.clone();
        self.drafts
            .update_untracked(|d| d.push(Draft::new(timeline)));
        self.changed(data, std::slice::from_ref(&id));
        id
    }

    /// The reader's timelines that rest on `id` (which must not go while they do).
    pub fn resting_on(&self, id: &str) -> Vec<String> {
        self.drafts.with_untracked(|d| {
            d.iter()
                .filter(|d| d.timeline.base.as_deref() == Some(id))
                .map(|d| d.timeline.name.clone())
                .collect()
        })
    }

    /// Forgets the timeline `id`, in the page and in the browser.
    pub fn remove(&self, data: &MapData, id: &str) {
        self.drafts
            .update_untracked(|d| d.retain(|d| d.timeline.id != id));
        self.changed(data, &[id.to_string()]);
    }

    /// Takes in what another tab of this browser did to the stored timeline `id`, as the
    /// storage holds it now (not as the event said: events can come late, after this tab
    /// wrote again). Nothing is written back. A change replaces the draft here (its undo
    /// starts afresh), so that an edit made here next builds on it instead of overwriting it.
    /// On a deletion, the timeline's name and base; a change that cannot be read or breaks
    /// the rules is refused with the reason, the draft here kept.
    pub fn follow(&self, data: &MapData, id: &str) -> Result<Option<(String, String)>, String> {
        let here = self.drafts.with_untracked(|d| {
            d.iter()
                .find(|d| d.timeline.id == id)
                .map(|d| d.timeline.clone())
        });
        let stored =
            storage().and_then(|s| s.get_item(&format!("{STORAGE_PREFIX}{id}")).ok().flatten());
        let Some(text) = stored else {
            let Some(gone) = here else {
                return Ok(None);
            };
            self.drafts
                .update_untracked(|d| d.retain(|d| d.timeline.id != id));
            self.refresh(data);
            let base = gone.base.unwrap_or_else(|| "real".into());
            return Ok(Some((gone.name, base)));
        };
        if here.as_ref().is_some_and(|t| share::to_file(t) == text) {
            return Ok(None);
        }
        let refused = |why: String| {
            format!(
                "Your timeline '{id}' was changed in another tab of this browser, but the change cannot be taken in here: {why}. Reload the page to see it."
            )
        };
        let t = stored_timeline(data, id, &text).map_err(refused)?;
        let found = breaks_rules(data, &t, None);
        if !found.is_empty() {
            return Err(refused(problem_text("it breaks the atlas's rules", &found)));
        }
        self.drafts.update_untracked(|drafts| {
            match drafts.iter_mut().find(|d| d.timeline.id == id) {
                Some(d) => *d = Draft::new(t),
                None => drafts.push(Draft::new(t)),
            }
        });
        self.refresh(data);
        Ok(None)
    }

    /// After a change of the drafts: the atlas and what is drawn from them.
    fn refresh(&self, data: &MapData) {
        let drafts = self.drafts.get_untracked();
        data.set_own(drafts.iter().map(|d| d.timeline.clone()).collect());
        self.revision.update(|r| *r += 1);
    }

    /// A timeline from a file or a link, checked by the rules (and its passages against the
    /// corpus when it is loaded). One whose id is taken by a different timeline comes in
    /// under a new id: nothing the reader has is overwritten.
    pub fn import(
        &self,
        data: &MapData,
        corpus: Option<&Corpus>,
        mut t: Timeline,
        what: &str,
    ) -> Result<(String, Option<String>), String> {
        if !t.id.starts_with("own-") {
            t.id = format!("own-{}", t.id);
        }
        let atlas = data.atlas();
        if let Ok(same) = atlas.timeline(&t.id) {
            if *same == t {
                return Ok((t.id, None));
            }
        }
        let mut renamed = None;
        if self.taken(data, &t.id) {
            let id = crate::model::authoring::unique_id(&t.id, |id| self.taken(data, id));
            renamed = Some(format!(
                "You already have a different timeline with the id '{}'; the one from {what} is opened beside it as '{id}'.",
                t.id
            ));
            t.id = id;
        }
        let found = breaks_rules(data, &t, corpus);
        if !found.is_empty() {
            return Err(problem_text(
                &format!("The timeline from {what} cannot be opened"),
                &found,
            ));
        }
        Ok((self.add(data, t), renamed))
    }
}

/// The timeline a shared link carries in its fragment (`#timeline=u1.…`), if any.
pub fn timeline_in_fragment() -> Option<Result<Timeline, share::ShareError>> {
    let hash = window().location().hash().ok()?;
    let payload = share::payload_of_fragment(&hash)?;
    Some(share::from_link(payload))
}

fn download_text(text: &str, name: &str) -> Result<(), wasm_bindgen::JsValue> {
    let blob = super::export::text_blob(text, "application/json")?;
    super::export::download(&blob, name)
}

/// Reads a picked or dropped file as text, then hands it on.
pub fn read_file(file: web_sys::File, then: impl FnOnce(Result<String, String>) + 'static) {
    let name = file.name();
    if file.size() > share::MAX_JSON_BYTES as f64 {
        then(Err(format!(
            "{name} is larger than {} KiB: it is not a timeline of this atlas",
            share::MAX_JSON_BYTES / 1024
        )));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        then(match text.ok().and_then(|t| t.as_string()) {
            Some(t) => Ok(t),
            None => Err(format!("{name} could not be read")),
        })
    });
}
