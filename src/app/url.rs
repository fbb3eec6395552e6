//! The moment and the address bar: reading a link, writing the URL, checking a moment against
//! the data and the texts, and the steps that change it.

use crate::data::MapData;
use crate::model::camera::Camera;
use crate::model::passages::Corpus;
use crate::model::permalink::{Ignored, Moment, Parsed, Reason, View};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

/// Whether a change of the moment adds a history entry or rewrites the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryMode {
    Push,
    Replace,
}

/// Reads the moment from the address bar; `timelines` are the ids the data has.
pub fn moment_from_location(timelines: &[String]) -> Parsed {
    let search = window().location().search().unwrap_or_default();
    let ids: Vec<&str> = timelines.iter().map(String::as_str).collect();
    Moment::parse(&search, &ids)
}

/// The address of a moment on this page.
pub fn link_to(moment: &Moment) -> String {
    let location = window().location();
    format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        moment.to_query()
    )
}

thread_local! {
    /// Writes of the address bar still waiting, in order (see [`write_url`]).
    static PENDING: RefCell<Vec<(Moment, HistoryMode)>> = const { RefCell::new(Vec::new()) };
    /// Whether a write when the page is idle after a step's frame is on its way.
    static AFTER_FRAME: Cell<bool> = const { Cell::new(false) };
    /// Whether a write a quarter of a second on is on its way.
    static AFTER_GESTURE: Cell<bool> = const { Cell::new(false) };
}

/// How long the address bar may lag behind the moment: a step waits at most this long for the
/// page to be idle, and a gesture (a drag of the year, ▶) gathers its steps this long before
/// it waits (so it is written at most twice this long after its first step).
const ADDRESS_LAGS_AT_MOST: std::time::Duration = std::time::Duration::from_millis(250);

/// Adds a write to those waiting: a `Replace` rewrites the one still waiting (one entry, of
/// this moment); a `Push` is an entry of its own.
fn enqueue(moment: Moment, mode: HistoryMode) {
    PENDING.with_borrow_mut(|queue| match (queue.last_mut(), mode) {
        (Some(last), HistoryMode::Replace) => last.0 = moment,
        _ => queue.push((moment, mode)),
    });
}

/// Writes the moment into the address bar once the step's frame is painted (see
/// [`flush_after_frame`]): the map of a step does not wait for the browser's history (a write
/// costs a few milliseconds, and the browser reads the page's icon again). Writes wait in
/// order, so each step that asked for a history entry has one.
pub fn write_url(moment: &Moment, mode: HistoryMode) {
    enqueue(moment.clone(), mode);
    flush_after_frame();
}

/// Makes the writes still waiting once the step's frame is painted and the page is idle (a
/// quarter of a second later at most, and in a hidden tab too), so that neither the frame nor
/// the input that follows waits for the browser's history.
pub fn flush_after_frame() {
    if AFTER_FRAME.replace(true) {
        return;
    }
    let flush = || {
        AFTER_FRAME.set(false);
        flush_url();
    };
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(ADDRESS_LAGS_AT_MOST.as_millis() as u32);
    let idle = wasm_bindgen::closure::Closure::once_into_js(flush);
    if window()
        .request_idle_callback_with_options(idle.unchecked_ref(), &options)
        .is_err()
    {
        // A browser without idle callbacks: after the next frame.
        leptos::task::spawn_local(async move {
            crate::data::after_next_paint().await;
            flush();
        });
        set_timeout(flush, ADDRESS_LAGS_AT_MOST);
    }
}

/// Writes the moment of a gesture's step into the address bar: the steps of a quarter of a
/// second make one write (a history entry if the first asked for one), made when the page is
/// idle after a frame, as a step's is (see [`flush_after_frame`]), so that it seldom lands
/// between a step and its frame. The address follows a drag at most four times a second, as it
/// does a pan, and half a second behind it at most.
pub fn write_url_soon(moment: Moment, mode: HistoryMode) {
    enqueue(moment, mode);
    if !AFTER_GESTURE.replace(true) {
        set_timeout(
            || {
                AFTER_GESTURE.set(false);
                flush_after_frame();
            },
            ADDRESS_LAGS_AT_MOST,
        );
    }
}

/// Makes the writes still waiting now.
fn flush_url() {
    for (moment, mode) in PENDING.with_borrow_mut(std::mem::take) {
        write_now(&moment, mode);
    }
}

/// Forgets the writes still waiting (Back or Forward: the address bar is the truth).
pub fn forget_pending_url() {
    PENDING.with_borrow_mut(Vec::clear);
}

/// The browser may refuse (for instance when history calls come too fast); the page then
/// keeps working with a stale URL, which the next step corrects, so a refusal is only logged.
fn write_now(moment: &Moment, mode: HistoryMode) {
    let Ok(history) = window().history() else {
        return;
    };
    let path = window().location().pathname().unwrap_or_default();
    let url = format!("{path}{}", moment.to_query());
    let result = match mode {
        HistoryMode::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        HistoryMode::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
    };
    if let Err(e) = result {
        leptos::logging::warn!("could not update the address bar: {e:?}");
    }
}

/// The camera a permalink's view stands for, or the home view.
pub fn camera_of(data: &MapData, view: Option<View>, home: Camera) -> Camera {
    view.and_then(|v| {
        let p = data.decoded.topology.to_map(v.lon, v.lat)?;
        Some(Camera::new(p[0], p[1], v.zoom))
    })
    .unwrap_or(home)
}

pub fn view_of(data: &MapData, c: Camera) -> Option<View> {
    let (lon, lat) = data.decoded.topology.to_lon_lat([c.cx, c.cy])?;
    View::new(lon, lat, c.zoom)
}

/// The ids of the timelines the page can show.
pub fn timeline_ids(data: &MapData) -> Vec<String> {
    data.atlas()
        .timelines
        .iter()
        .map(|t| t.id.clone())
        .collect()
}

/// Checks a parsed moment against the loaded map: a timeline that the data does not have is
/// set aside with a reason. A selection that is no region waits for the corpus (it may be a
/// place): see [`against_corpus`].
pub fn against_data(data: &MapData, parsed: Parsed) -> Parsed {
    let Parsed {
        mut moment,
        mut ignored,
    } = parsed;
    if data.atlas().timeline(&moment.timeline).is_err() {
        ignored.push(Ignored {
            key: "t".into(),
            value: moment.timeline.clone(),
            reason: Reason::UnknownTimeline,
        });
        moment.timeline = data.atlas().timelines[0].id.clone();
    }
    Parsed { moment, ignored }
}

/// A selection that is neither a region nor a place of the corpus, set aside with a reason.
/// A passage to read beside the map that the corpus does not have is set aside too.
pub fn against_corpus(data: &MapData, corpus: &Corpus, moment: &Moment) -> Vec<Ignored> {
    let bad_selection = moment
        .selection
        .as_ref()
        .filter(|r| data.decoded.region_index(r).is_none() && corpus.place(r).is_none());
    let bad_reading = moment
        .reading
        .as_ref()
        .filter(|p| corpus.passage(p).is_none());
    [("r", bad_selection), ("read", bad_reading)]
        .into_iter()
        .filter_map(|(key, value)| {
            Some(Ignored {
                key: key.into(),
                value: value?.clone(),
                reason: Reason::BadId,
            })
        })
        .collect()
}

/// Changes of the moment: each is written to the address bar (a history entry, or in place of
/// the current one) unless it changes nothing.
#[derive(Clone, Copy)]
pub struct Steps {
    pub moment: RwSignal<Moment>,
}

impl Steps {
    /// A step written to the address bar once its map is painted (after any write still
    /// waiting).
    pub fn step(&self, change: &dyn Fn(&mut Moment), mode: HistoryMode) {
        match self.next(change) {
            Some(next) => {
                write_url(&next, mode);
                self.moment.set(next);
            }
            // The end of a gesture (the slider let go): what it left waiting is written now,
            // after the frame.
            None => flush_after_frame(),
        }
    }

    /// A step in the middle of a gesture: the address bar follows at most four times a second.
    pub fn step_soon(&self, change: &dyn Fn(&mut Moment), mode: HistoryMode) {
        if let Some(next) = self.next(change) {
            write_url_soon(next.clone(), mode);
            self.moment.set(next);
        }
    }

    /// The moment after `change`, if it differs from the present one.
    fn next(&self, change: &dyn Fn(&mut Moment)) -> Option<Moment> {
        let mut next = self.moment.get_untracked();
        change(&mut next);
        // A comparison that would show the same map twice is set aside.
        next.tidy();
        (next != self.moment.get_untracked()).then_some(next)
    }
}
