//! The editor of the reader's timeline on screen: regions picked on the map, a holder from a
//! day on, the evidence; the records, undo and redo; rename, download, share, delete.

use super::fork::{Details, DetailsFields};
use super::{download_text, Own};
use crate::components::map::scene::ShownState;
use crate::data::MapData;
use crate::model::atlas::{Atlas, Status};
use crate::model::authoring::{
    changes, distinct_colour, Assignment, Change, Draft, Evidence, Holder, PALETTE,
};
use crate::model::date::Date;
use crate::model::passages::Corpus;
use crate::model::permalink::Names;
use crate::model::share;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

fn status_of(value: &str) -> Status {
    match value {
        "occupied" => Status::Occupied,
        "puppet" => Status::Puppet,
        "disputed" => Status::Disputed,
        _ => Status::Part,
    }
}

/// The label of the field that names `of` for a status.
fn of_label(status: Status) -> &'static str {
    match status {
        Status::Occupied => "Belonging to",
        Status::Puppet => "Puppet of",
        _ => "Claimed by",
    }
}

/// The options of a select of the states a record may name, `chosen` selected.
fn state_options(holders: Memo<Vec<(String, String)>>, chosen: RwSignal<String>) -> impl IntoView {
    move || {
        holders
            .get()
            .into_iter()
            .map(|(id, name)| {
                let selected = {
                    let id = id.clone();
                    move || chosen.get() == id
                };
                view! { <option value=id selected=selected>{name}</option> }
            })
            .collect_view()
    }
}

/// The states a record of `timeline` may name, by name.
fn states_of(atlas: &Atlas, timeline: &str) -> Vec<(String, String)> {
    let mut seen = std::collections::BTreeSet::new();
    let mut out: Vec<(String, String)> = atlas
        .lineage(timeline)
        .unwrap_or_default()
        .into_iter()
        .flat_map(|t| t.states.iter())
        .filter(|s| seen.insert(s.id.clone()))
        .map(|s| (s.id.clone(), s.all_names()))
        .collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// The editor of the reader's timeline on screen: regions picked on the map, a holder from a
/// day on, the evidence; the records, undo and redo; download, share, delete.
#[component]
pub fn Editor(
    data: Arc<MapData>,
    own: Own,
    /// The shown timeline (an own one).
    timeline: Memo<String>,
    year: Memo<i32>,
    /// Regions picked on the map (click picks one, shift-click adds or removes).
    picked: RwSignal<Vec<String>>,
    /// Whether a click adds or removes a region instead of picking it alone.
    pick_several: RwSignal<bool>,
    /// Whether a drag on the map draws a lasso that picks the regions it encloses.
    lasso: RwSignal<bool>,
    /// Moves the slider (to show a change made in another year).
    on_year: Callback<i32>,
    /// The states on the map (a new state's colour stands out from those around it).
    states: Memo<Vec<ShownState>>,
    corpus: Memo<Option<Arc<Corpus>>>,
    /// The permalink of the moment on screen.
    #[prop(into)]
    link: Signal<String>,
    /// Called once the timeline is deleted, with its base.
    on_deleted: Callback<String>,
) -> impl IntoView {
    let draft = Memo::new(move |_| own.draft(&timeline.get()));
    let from = RwSignal::new(String::new());
    // The day follows the slider until the author types one.
    let from_typed = RwSignal::new(false);
    Effect::new(move |_| {
        let y = year.get();
        if from_typed.get_untracked() {
            return;
        }
        let diverges = draft.with_untracked(|d| d.as_ref().and_then(|d| d.timeline.diverges));
        let day = Date::for_year(y).previous();
        let jan = Date::new(y, 1, 1).unwrap_or(day);
        let d = diverges.map_or(jan, |d| d.max(jan));
        from.set(d.to_string());
    });
    let holder = RwSignal::new("new".to_string());
    let new_name = RwSignal::new(String::new());
    let new_local = RwSignal::new(String::new());
    let colour = RwSignal::new(PALETTE[0].to_string());
    // Until the author picks a colour, a new state takes the one that stands out most from
    // the states around the picked regions.
    let colour_chosen = RwSignal::new(false);
    Effect::new({
        let data = data.clone();
        move |_| {
            let picked: Vec<usize> = picked.with(|p| {
                p.iter()
                    .filter_map(|id| data.decoded.region_index(id))
                    .collect()
            });
            if colour_chosen.get_untracked() {
                return;
            }
            let around: Vec<usize> = data
                .pairs
                .iter()
                .filter_map(|&[a, b]| match (picked.contains(&a), picked.contains(&b)) {
                    (true, false) => Some(b),
                    (false, true) => Some(a),
                    _ => None,
                })
                .chain(picked.iter().copied())
                .collect();
            let near: Vec<String> = states.with(|s| {
                s.iter()
                    .filter(|s| s.parts.iter().any(|p| around.contains(p)))
                    .map(|s| s.colour.clone())
                    .collect()
            });
            let near: Vec<&str> = near.iter().map(String::as_str).collect();
            colour.set(distinct_colour(&near).to_string());
        }
    });
    let status = RwSignal::new("part".to_string());
    let of = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let evidence = RwSignal::new("cite".to_string());
    let cite = RwSignal::new(String::new());
    let passage = RwSignal::new(String::new());
    let editing = RwSignal::new(None::<Vec<usize>>);
    // The record being edited is named by its index: any change of the records (an undo, a
    // redo) or of the timeline shown ends the edit.
    Effect::new(move |_| {
        own.revision.track();
        timeline.track();
        editing.set(None);
    });
    let problems = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(String::new());
    // What was said of the last change goes once other regions are picked.
    Effect::new(move |_| {
        picked.track();
        done.set(String::new());
    });
    // The state the first picked region belongs to on the map, to pick all of it at once.
    let whole_state = Memo::new({
        let data = data.clone();
        move |_| {
            let first = picked.with(|p| p.first().and_then(|id| data.decoded.region_index(id)))?;
            states.with(|s| {
                let s = s.iter().find(|s| s.parts.contains(&first))?;
                let ids: Vec<String> = s
                    .parts
                    .iter()
                    .filter_map(|&i| data.decoded.topology.regions.get(i).map(|r| r.id.clone()))
                    .collect();
                let all_in = picked.with(|p| ids.iter().all(|id| p.contains(id)));
                (ids.len() > 1 && !all_in).then(|| (s.name.clone(), ids))
            })
        }
    });
    let share_link = RwSignal::new(String::new());

    // The states a record may name: the timeline's and its base's.
    let holders = Memo::new({
        let data = data.clone();
        move |_| {
            own.revision.track();
            states_of(&data.atlas(), &timeline.get())
        }
    });
    let region_name = {
        let data = data.clone();
        move |id: &str| {
            data.decoded.region_index(id).map_or(id.to_string(), |i| {
                data.decoded.topology.regions[i].en.clone()
            })
        }
    };
    // "Bavaria, Baden and Württemberg".
    let picked_list = {
        let region_name = region_name.clone();
        move |ids: &[String]| {
            ids.iter()
                .map(|id| region_name(id))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let picked_names = {
        let picked_list = picked_list.clone();
        move || picked.with(|p| picked_list(p))
    };
    // Passages about the picked regions, for evidence.
    let passages = Memo::new(move |_| {
        let picked = picked.get();
        corpus.with(|c| {
            c.as_ref()
                .map(|c| {
                    c.passages
                        .iter()
                        .filter(|p| p.regions.iter().any(|r| picked.contains(r)))
                        .take(200)
                        .map(|p| {
                            let words: String = p.text.chars().take(70).collect();
                            (p.id.clone(), format!("{} — {words}…", p.id))
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });

    let apply = {
        let data = data.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            done.set(String::new());
            let from = match Date::parse(&from.get_untracked()) {
                Ok(d) => d,
                Err(e) => {
                    problems.set(vec![format!("From: {e}")]);
                    return;
                }
            };
            let status = status_of(&status.get_untracked());
            let who = match holder.get_untracked().as_str() {
                "new" => Holder::New {
                    name: new_name.get_untracked(),
                    local: Some(new_local.get_untracked()),
                    colour: colour.get_untracked(),
                },
                id => Holder::Existing(id.to_string()),
            };
            let evidence = match evidence.get_untracked().as_str() {
                "cite" if !cite.get_untracked().trim().is_empty() => {
                    Evidence::Citation(cite.get_untracked())
                }
                "passage" if !passage.get_untracked().is_empty() => {
                    Evidence::Passage(passage.get_untracked())
                }
                _ => Evidence::None,
            };
            let of = Some(of.get_untracked()).filter(|o| !o.is_empty());
            if status != Status::Part && of.is_none() {
                problems.set(vec![format!(
                    "Choose the state in \"{}\".",
                    of_label(status)
                )]);
                return;
            }
            let assignment = Assignment {
                regions: picked.get_untracked(),
                from,
                holder: who,
                status,
                of,
                note: Some(note.get_untracked()),
                evidence,
            };
            let id = timeline.get_untracked();
            let result = match editing.get_untracked() {
                // An edit is one step: the old record goes, the new one comes.
                Some(indices) => own.apply(&data, &id, Change::Edit(indices, assignment)),
                None => own.apply(&data, &id, Change::Assign(assignment)),
            };
            match result {
                Ok(()) => {
                    problems.set(Vec::new());
                    editing.set(None);
                    let regions = picked_list(&picked.get_untracked());
                    done.set(format!("Changed: {regions} from {}.", from.long()));
                    // A new state is now in the list: the next change may give it more.
                    let made = own.drafts.with_untracked(|d| {
                        let first = picked.get_untracked().into_iter().next()?;
                        let t = &d.iter().find(|d| d.timeline.id == id)?.timeline;
                        t.records
                            .iter()
                            .find(|r| r.region == first && r.from == from)
                            .map(|r| r.holder.clone())
                    });
                    if let Some(h) = made {
                        holder.set(h);
                    }
                    new_name.set(String::new());
                    new_local.set(String::new());
                    colour_chosen.set(false);
                    note.set(String::new());
                    cite.set(String::new());
                    passage.set(String::new());
                    // The map shows the end of a year: a change made in another year is shown
                    // by moving the slider to it.
                    if from.year != year.get_untracked() {
                        on_year.run(from.year);
                    }
                }
                Err(p) => problems.set(p.iter().map(ToString::to_string).collect()),
            }
        }
    };
    // The records as the changes that made them: "Bavaria, Baden and Württemberg: Danubian
    // Federation from 1 March 1925".
    let records = Memo::new({
        let region_name = region_name.clone();
        let data = data.clone();
        move |_| {
            let atlas = data.atlas();
            draft.with(|d| {
                let Some(d) = d.as_ref() else {
                    return Vec::new();
                };
                let t = &d.timeline;
                changes(t)
                    .into_iter()
                    .map(|indices| {
                        let r = &t.records[indices[0]];
                        let holder = atlas
                            .state(&t.id, &r.holder)
                            .ok()
                            .flatten()
                            .map_or(r.holder.clone(), |s| {
                                s.name_on(r.from, Names::English).to_string()
                            });
                        let how = match r.status {
                            Status::Part => String::new(),
                            s => format!(" ({})", s.label()),
                        };
                        let regions: Vec<String> = indices
                            .iter()
                            .map(|&i| region_name(&t.records[i].region))
                            .collect();
                        let source = match (&r.cite, r.passages.first()) {
                            (Some(c), _) => format!("source: {c}"),
                            (None, Some(p)) => format!("passage {p}"),
                            (None, None) => "no source: your invention".to_string(),
                        };
                        let about = match &r.note {
                            Some(n) => format!("{n} · {source}"),
                            None => source,
                        };
                        let text = format!(
                            "{}: {holder}{how} from {}",
                            regions.join(", "),
                            r.from.long()
                        );
                        let picked: Vec<String> = indices
                            .iter()
                            .map(|&i| t.records[i].region.clone())
                            .collect();
                        (indices, text, about, r.clone(), picked)
                    })
                    .collect::<Vec<_>>()
            })
        }
    });
    let edit_record =
        move |indices: Vec<usize>, r: crate::model::atlas::Record, regions: Vec<String>| {
            editing.set(Some(indices));
            picked.set(regions);
            from.set(r.from.to_string());
            from_typed.set(true);
            holder.set(r.holder.clone());
            status.set(r.status.label().to_string());
            of.set(r.of.clone().unwrap_or_default());
            note.set(r.note.clone().unwrap_or_default());
            match (&r.cite, r.passages.first()) {
                (Some(c), _) => {
                    evidence.set("cite".into());
                    cite.set(c.clone());
                }
                (None, Some(p)) => {
                    evidence.set("passage".into());
                    passage.set(p.clone());
                }
                _ => evidence.set("none".into()),
            }
        };
    let delete_record = {
        let data = data.clone();
        move |indices: Vec<usize>| {
            let id = timeline.get_untracked();
            if let Err(p) = own.apply(&data, &id, Change::Delete(indices)) {
                problems.set(p.iter().map(ToString::to_string).collect());
            }
            editing.set(None);
        }
    };
    let undo = {
        let data = data.clone();
        move |back: bool| own.step_back(&data, &timeline.get_untracked(), back)
    };
    let undo2 = undo.clone();
    let download = move |_| {
        if let Some(d) = draft.get_untracked() {
            let name = format!("{}.json", d.timeline.id);
            if download_text(&share::to_file(&d.timeline), &name).is_err() {
                problems.set(vec!["The browser refused the download.".into()]);
            }
        }
    };
    let share = move |_| {
        let Some(d) = draft.get_untracked() else {
            return;
        };
        match share::to_link(&d.timeline) {
            Ok(payload) => {
                let href = format!("{}#{}={payload}", link.get_untracked(), share::FRAGMENT_KEY);
                let _ = window().navigator().clipboard().write_text(&href);
                share_link.set(href);
            }
            Err(e) => problems.set(vec![e.to_string()]),
        }
    };
    let delete_timeline = {
        let data = data.clone();
        move |_| {
            let Some(d) = draft.get_untracked() else {
                return;
            };
            let children = own.resting_on(&d.timeline.id);
            if !children.is_empty() {
                problems.set(vec![format!(
                    "Your timelines {} rest on this one: delete them first.",
                    children.join(", ")
                )]);
                return;
            }
            let sure = window()
                .confirm_with_message(&format!(
                    "Delete your timeline '{}' from this browser? Download it first to keep a copy.",
                    d.timeline.name
                ))
                .unwrap_or(false);
            if sure {
                let base = d.timeline.base.clone().unwrap_or_else(|| "real".into());
                own.remove(&data, &d.timeline.id);
                on_deleted.run(base);
            }
        }
    };
    // The name, summary and day of divergence, changed like any record (and undone so).
    let renaming = RwSignal::new(false);
    let details = Details::new();
    let start_renaming = move |_| {
        if let Some(d) = draft.get_untracked() {
            details.name.set(d.timeline.name.clone());
            details.summary.set(d.timeline.summary.clone());
            details.diverges.set(
                d.timeline
                    .diverges
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
            renaming.set(true);
        }
    };
    let describe = {
        let data = data.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let diverges = match details.diverges() {
                Ok(d) => d,
                Err(e) => {
                    problems.set(vec![e]);
                    return;
                }
            };
            let change = Change::Describe {
                name: details.name.get_untracked(),
                summary: details.summary.get_untracked(),
                diverges,
            };
            match own.apply(&data, &timeline.get_untracked(), change) {
                Ok(()) => {
                    problems.set(Vec::new());
                    renaming.set(false);
                }
                Err(p) => problems.set(p.iter().map(ToString::to_string).collect()),
            }
        }
    };
    let status_needs_of = move || status.get() != "part";
    // "Belonging to" (or "Puppet of", "Claimed by") starts as the regions' present holder.
    let on_status = {
        let data = data.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            if value != "part" && of.get_untracked().is_empty() {
                let first = picked.with_untracked(|p| p.first().cloned());
                let date = Date::parse(&from.get_untracked())
                    .unwrap_or(Date::for_year(year.get_untracked()));
                let holder = first.and_then(|r| {
                    let atlas = data.atlas();
                    let h = atlas
                        .holder_of(&timeline.get_untracked(), date.previous(), &r)
                        .ok()??;
                    Some(h.state.id.clone())
                });
                if let Some(h) = holder {
                    of.set(h);
                }
            }
            status.set(value);
        }
    };
    view! {
        <section class="editor" aria-label="Edit your timeline">
            <h2>{move || draft.with(|d| d.as_ref().map(|d| d.timeline.name.clone()).unwrap_or_default())}</h2>
            <p class="editor-summary">
                {move || draft.with(|d| d.as_ref().map(|d| {
                    let since = d.timeline.diverges.map(|d| d.long()).unwrap_or_default();
                    format!("Your timeline. Diverges on {since}. {}", d.timeline.summary)
                }).unwrap_or_default())}
            </p>
            <Show when=move || renaming.get()>
                <form class="describe" aria-label="Name and divergence" on:submit=describe.clone()>
                    <DetailsFields details=details />
                    <div class="row">
                        <button type="submit">"Save"</button>
                        <button type="button" on:click=move |_| renaming.set(false)>"Cancel"</button>
                    </div>
                </form>
            </Show>
            <div class="row">
                <button type="button" class="rename" on:click=start_renaming>"Rename…"</button>
                <button type="button" class="undo" disabled=move || draft.with(|d| !d.as_ref().is_some_and(Draft::can_undo)) on:click=move |_| undo(true)>"Undo"</button>
                <button type="button" class="redo" disabled=move || draft.with(|d| !d.as_ref().is_some_and(Draft::can_redo)) on:click=move |_| undo2(false)>"Redo"</button>
                <button type="button" class="download-timeline" on:click=download>"Download file"</button>
                <button type="button" class="share-timeline" on:click=share>"Share link"</button>
                <button type="button" class="delete-timeline" on:click=delete_timeline>"Delete"</button>
            </div>
            <Show when=move || !share_link.get().is_empty()>
                <label class="share-out">
                    "Link to this timeline (copied):"
                    <input type="text" readonly prop:value=move || share_link.get() on:focus=move |ev| {
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) { i.select(); }
                    } />
                </label>
            </Show>
            <form class="assign" aria-label="Change the map" on:submit=apply>
                <label class="pick-several">
                    <input type="checkbox" prop:checked=move || pick_several.get() on:change=move |ev| pick_several.set(event_target_checked(&ev)) />
                    "Pick several: each click on the map adds or removes a region"
                </label>
                <label class="pick-several">
                    <input type="checkbox" prop:checked=move || lasso.get() on:change=move |ev| lasso.set(event_target_checked(&ev)) />
                    "Lasso: draw around regions on the map to add them (dragging then draws instead of moving the map)"
                </label>
                {move || whole_state.get().map(|(name, ids)| {
                    let n = ids.len();
                    view! {
                        <button type="button" class="pick-state" on:click=move |_| {
                            picked.update(|p| {
                                for id in &ids {
                                    if !p.contains(id) {
                                        p.push(id.clone());
                                    }
                                }
                            })
                        }>
                            {format!("Pick all of {name} ({n} regions)")}
                        </button>
                    }
                })}
                <p class="picked" aria-live="polite">
                    {move || if picked.with(Vec::is_empty) {
                        "Click a region on the map to change it. For several: tick Pick several, or shift-click, or hold Shift and drag a rectangle, or tick Lasso and draw around them.".to_string()
                    } else {
                        format!("Regions: {}", picked_names())
                    }}
                </p>
                <label>
                    "From"
                    <input type="date" name="from" required min=Date::START.to_string() max=Date::END.to_string()
                        prop:value=move || from.get() on:input=move |ev| { from.set(event_target_value(&ev)); from_typed.set(true); } />
                </label>
                <div class="field">
                    <label for="own-holder">"Held by"</label>
                    <select id="own-holder" name="holder" prop:value=move || holder.get() on:change=move |ev| holder.set(event_target_value(&ev))>
                        <option value="new" selected=move || holder.get() == "new">"A new state…"</option>
                        {state_options(holders, holder)}
                    </select>
                </div>
                <Show when=move || holder.get() == "new">
                    <fieldset class="new-state">
                        <legend>"New state"</legend>
                        <label>"Name" <input type="text" name="state-name" maxlength="120" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) /></label>
                        <label>"Name in its own language" <input type="text" name="state-local" maxlength="120" prop:value=move || new_local.get() on:input=move |ev| new_local.set(event_target_value(&ev)) /></label>
                        <div class="palette" role="radiogroup" aria-label="Colour">
                            {PALETTE.iter().map(|c| {
                                let c = c.to_string();
                                let checked = { let c = c.clone(); move || colour.get() == c };
                                let pick = { let c = c.clone(); move |_| { colour.set(c.clone()); colour_chosen.set(true); } };
                                view! {
                                    <label class="colour-choice" style=format!("--colour: {c}")>
                                        <input type="radio" name="colour" value=c.clone() prop:checked=checked on:change=pick />
                                        <span class="visually-hidden">{c.clone()}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                    </fieldset>
                </Show>
                <div class="field">
                    <label for="own-status">"As"</label>
                    <select id="own-status" name="status" prop:value=move || status.get() on:change=on_status>
                        <option value="part">"part of it"</option>
                        <option value="occupied">"occupied by it"</option>
                        <option value="puppet">"its puppet"</option>
                        <option value="disputed">"disputed"</option>
                    </select>
                </div>
                <Show when=status_needs_of>
                    <div class="field">
                        <label for="own-of">{move || of_label(status_of(&status.get()))}</label>
                        <select id="own-of" name="of" prop:value=move || of.get() on:change=move |ev| of.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {state_options(holders, of)}
                        </select>
                    </div>
                </Show>
                <label>"Note" <textarea name="note" rows="2" maxlength="4000" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea></label>
                <div class="field">
                    <label for="own-evidence">"Evidence"</label>
                    <select id="own-evidence" name="evidence" prop:value=move || evidence.get() on:change=move |ev| evidence.set(event_target_value(&ev))>
                        <option value="cite">"A source I cite"</option>
                        <option value="passage">"A passage of the texts"</option>
                        <option value="none">"None: my own invention"</option>
                    </select>
                </div>
                <Show when=move || evidence.get() == "cite">
                    <label>"Citation" <input type="text" name="cite" maxlength="4000" placeholder="Author, title, year, page" prop:value=move || cite.get() on:input=move |ev| cite.set(event_target_value(&ev)) /></label>
                </Show>
                <Show when=move || evidence.get() == "passage">
                    <div class="field">
                        <label for="own-passage">"Passage"</label>
                        <select id="own-passage" name="passage" prop:value=move || passage.get() on:change=move |ev| passage.set(event_target_value(&ev))>
                            <option value="">{move || if passages.with(Vec::is_empty) { "No passage names these regions" } else { "—" }}</option>
                            {move || passages.get().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                </Show>
                <ul class="problems" role="alert">
                    {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
                <p class="done" role="status">{move || done.get()}</p>
                <div class="row">
                    <button type="submit" class="apply" disabled=move || picked.with(Vec::is_empty)>
                        {move || if editing.get().is_some() { "Save the record" } else { "Apply" }}
                    </button>
                    <Show when=move || editing.get().is_some()>
                        <button type="button" on:click=move |_| editing.set(None)>"Cancel the edit"</button>
                    </Show>
                </div>
            </form>
            <h3>"Your records"</h3>
            <Show when=move || records.with(Vec::is_empty)>
                <p class="hint">"None yet: the map is its base timeline's."</p>
            </Show>
            <ol class="own-records">
                {move || {
                    let delete_record = delete_record.clone();
                    records.get().into_iter().map(move |(indices, text, about, r, regions)| {
                        let delete_record = delete_record.clone();
                        let again = indices.clone();
                        view! {
                            <li>
                                <span class="what">{text}</span>
                                <span class="source">{about}</span>
                                <button type="button" class="edit-record" on:click=move |_| edit_record(indices.clone(), r.clone(), regions.clone())>"Edit"</button>
                                <button type="button" class="delete-record" on:click=move |_| delete_record(again.clone())>"Delete"</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}
