//! A value many elements read, told to them only when it changes.

use leptos::prelude::*;

/// A signal that takes the value of `source` only when that value changes.
///
/// A memo also notifies only on a change, but before it recomputes it has each reader check
/// it whenever anything it reads changes: a memo of the zoom is checked by every region,
/// border and overlay on every frame of a pan, and a memo of the moment by every place on
/// every step. Read through this signal, the check is one effect's, and the readers wake only
/// when the value is new.
///
/// Its first value is the source's now; a later one comes when the effect runs, a microtask
/// after the source changed (before the browser draws again). What is built in that microtask,
/// after the change, may read the value before.
pub fn settled<T>(source: impl Fn() -> T + 'static) -> ReadSignal<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let value = RwSignal::new(untrack(&source));
    Effect::new(move |_| {
        let now = source();
        if value.with_untracked(|was| *was != now) {
            value.set(now);
        }
    });
    value.read_only()
}
