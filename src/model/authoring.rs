//! A reader's own timeline: forked from one on screen, then edited region by region from a
//! date on, with undo and redo. Every change is checked by the same rules as the committed
//! timelines ([`super::rules`]); a change that would break one is refused and changes nothing.

use super::atlas::{Atlas, Confidence, Record, State, Status, Timeline};
use super::date::Date;
use super::rules::{check_timeline, is_colour, with_timeline, Problem};
use super::search::fold;
use super::topology::{in_ring, Point, Region};

/// Colours a new state may take: distinct from one another and light enough for the map's
/// dark borders and labels to stay readable on them.
pub const PALETTE: [&str; 12] = [
    "#e6a57e", "#9fc5a8", "#b5a3d6", "#e8d174", "#8fb8de", "#d99aa8", "#a8c66c", "#c9a66b",
    "#7fc9c4", "#e0b3d9", "#c2c2a3", "#f0a35e",
];

fn rgb(colour: &str) -> Option<[i32; 3]> {
    let hex = colour.strip_prefix('#')?;
    let channel = |k: usize| i32::from_str_radix(hex.get(k..k + 2)?, 16).ok();
    Some([channel(0)?, channel(2)?, channel(4)?])
}

/// The regions whose centre (the point their name stands at) a rectangle drawn on the map
/// encloses: `[min x, min y, max x, max y]` in map units.
pub fn regions_in_box(regions: &[Region], [x0, y0, x1, y1]: [f64; 4]) -> Vec<usize> {
    (0..regions.len())
        .filter(|&i| {
            let [x, y] = [regions[i].label[0] as f64, regions[i].label[1] as f64];
            (x0..=x1).contains(&x) && (y0..=y1).contains(&y)
        })
        .collect()
}

/// The regions whose centre a lasso drawn on the map encloses: the lasso is the line the
/// pointer drew (map units), closed from its last point back to its first. Fewer than three
/// points enclose nothing.
pub fn regions_in_lasso(regions: &[Region], lasso: &[[f64; 2]]) -> Vec<usize> {
    if lasso.len() < 3 {
        return Vec::new();
    }
    let mut ring: Vec<Point> = lasso
        .iter()
        .map(|p| [p[0].round() as i64, p[1].round() as i64])
        .collect();
    ring.push(ring[0]);
    (0..regions.len())
        .filter(|&i| {
            let [x, y] = regions[i].label;
            in_ring([x as f64, y as f64], &ring)
        })
        .collect()
}

/// The palette's colour that stands out most from `near` (the colours around the regions it
/// will fill): the one whose nearest colour there is farthest away.
pub fn distinct_colour(near: &[&str]) -> &'static str {
    let near: Vec<[i32; 3]> = near.iter().filter_map(|c| rgb(c)).collect();
    let gap = |c: &str| {
        let Some(c) = rgb(c) else { return 0 };
        near.iter()
            .map(|n| (0..3).map(|k| (c[k] - n[k]).pow(2)).sum::<i32>())
            .min()
            .unwrap_or(i32::MAX)
    };
    // The first of equals: `max_by_key` keeps the last, so the palette is read backwards.
    PALETTE
        .iter()
        .rev()
        .copied()
        .max_by_key(|c| gap(c))
        .unwrap_or(PALETTE[0])
}

/// An id made from a name: "Danubian Federation" gives "danubian-federation".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let mut out: String = out.trim_end_matches('-').chars().take(40).collect();
    if out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("untitled");
    }
    out
}

/// `base`, or `base-2`, `base-3`… whichever `taken` does not hold.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

/// Who takes the regions.
#[derive(Debug, Clone, PartialEq)]
pub enum Holder {
    /// A state the timeline or its base defines.
    Existing(String),
    /// A state this change creates.
    New {
        name: String,
        local: Option<String>,
        colour: String,
    },
}

/// What a record rests on.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// A passage of the corpus, by id.
    Passage(String),
    /// A source the author names.
    Citation(String),
    /// None: the map marks the border as the author's invention.
    None,
}

/// "These regions are held by this holder from this day on."
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub regions: Vec<String>,
    pub from: Date,
    pub holder: Holder,
    pub status: Status,
    pub of: Option<String>,
    pub note: Option<String>,
    pub evidence: Evidence,
}

/// One edit of a timeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Assign(Assignment),
    /// Deletes the records at these indices of the timeline's records (one step to undo).
    Delete(Vec<usize>),
    /// Puts the records of an assignment in place of the records at these indices (an edit of
    /// them: one step to undo).
    Edit(Vec<usize>, Assignment),
    /// New name, summary and point of divergence.
    Describe {
        name: String,
        summary: String,
        diverges: Date,
    },
}

/// A new timeline that inherits everything from `base`: no records of its own yet.
pub fn fork(
    atlas: &Atlas,
    regions: &[&str],
    base: &str,
    name: &str,
    summary: &str,
    diverges: Date,
) -> Result<Timeline, Vec<Problem>> {
    let timeline = Timeline {
        id: unique_id(&format!("own-{}", slug(name)), |id| {
            atlas.timeline(id).is_ok()
        }),
        name: name.trim().to_string(),
        summary: summary.trim().to_string(),
        sources: Vec::new(),
        base: Some(base.to_string()),
        diverges: Some(diverges),
        text_ends: None,
        after_text: Default::default(),
        fill_note: None,
        states: Vec::new(),
        records: Vec::new(),
    };
    checked(atlas, timeline, regions)
}

/// A new timeline made from one of the reader's own: a copy of its states and records on the
/// same base, so that it stands alone (shared or downloaded, it needs no other timeline of the
/// reader's). It diverges on `diverges` or on the copied timeline's first day, whichever is
/// earlier.
pub fn fork_copy(
    atlas: &Atlas,
    regions: &[&str],
    parent: &Timeline,
    name: &str,
    summary: &str,
    diverges: Date,
) -> Result<Timeline, Vec<Problem>> {
    let base = parent.base.as_deref().unwrap_or(&parent.id);
    let first = parent
        .diverges
        .into_iter()
        .chain(parent.records.iter().map(|r| r.from))
        .min()
        .map_or(diverges, |d| d.min(diverges));
    let mut t = fork(atlas, regions, base, name, summary, first)?;
    t.id = unique_id(&t.id, |id| atlas.timeline(id).is_ok() || id == parent.id);
    t.states = parent.states.clone();
    t.records = parent.records.clone();
    checked(atlas, t, regions)
}

/// The timeline, if it keeps every rule; otherwise what it breaks.
fn checked(atlas: &Atlas, timeline: Timeline, regions: &[&str]) -> Result<Timeline, Vec<Problem>> {
    let problems = check(atlas, &timeline, regions);
    if problems.is_empty() {
        Ok(timeline)
    } else {
        Err(problems)
    }
}

/// A timeline being edited, with what undo and redo go back and forth through.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub timeline: Timeline,
    undo: Vec<Timeline>,
    redo: Vec<Timeline>,
}

/// How many steps undo keeps.
pub const UNDO_DEPTH: usize = 200;

impl Draft {
    pub fn new(timeline: Timeline) -> Draft {
        Draft {
            timeline,
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Makes the change if the timeline keeps every rule after it; otherwise changes nothing
    /// and says what the change would break. `atlas` holds the timelines it may rest on.
    pub fn apply(
        &mut self,
        atlas: &Atlas,
        regions: &[&str],
        change: Change,
    ) -> Result<(), Vec<Problem>> {
        let next = changed(&self.timeline, atlas, change)?;
        let problems = check(atlas, &next, regions);
        if !problems.is_empty() {
            return Err(problems);
        }
        self.undo.push(std::mem::replace(&mut self.timeline, next));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Goes back one change; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo
            .push(std::mem::replace(&mut self.timeline, previous));
        true
    }

    /// Makes again the change last undone; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.timeline, next));
        true
    }
}

/// The rules, for `timeline` set into `atlas`. Passages are checked by the page against its
/// corpus when it has it; the rules here need only the map.
pub fn check(atlas: &Atlas, timeline: &Timeline, regions: &[&str]) -> Vec<Problem> {
    let atlas = with_timeline(atlas, timeline.clone());
    let mut problems = check_timeline(&atlas, &timeline.id, regions, None);
    // Its file must open again.
    let bytes = super::share::to_file(timeline).len();
    if bytes > super::share::MAX_JSON_BYTES {
        problems.push(Problem::new(
            format!("timeline '{}'", timeline.id),
            format!(
                "its file would be {} KiB, more than the {} KiB a file may have",
                bytes / 1024,
                super::share::MAX_JSON_BYTES / 1024
            ),
        ));
    }
    problems
}

fn trimmed(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// The timeline after a change (not yet checked).
fn changed(timeline: &Timeline, atlas: &Atlas, change: Change) -> Result<Timeline, Vec<Problem>> {
    let mut t = timeline.clone();
    match change {
        Change::Assign(a) => assign(&mut t, atlas, a)?,
        Change::Delete(indices) => remove(&mut t, &indices)?,
        Change::Edit(indices, a) => {
            remove(&mut t, &indices)?;
            assign(&mut t, atlas, a)?;
        }
        Change::Describe {
            name,
            summary,
            diverges,
        } => {
            t.name = name.trim().to_string();
            t.summary = summary.trim().to_string();
            t.diverges = Some(diverges);
        }
    }
    // Records in date order (stable, so a region's records keep theirs), and the states this
    // timeline made that no record names any longer dropped (a state that redefines one of
    // its base's stays: it recolours or renames the base's regions).
    t.records.sort_by_key(|r| r.from);
    let used = |id: &str| {
        t.records
            .iter()
            .any(|r| r.holder == id || r.of.as_deref() == Some(id))
    };
    let of_base = |id: &str| {
        t.base
            .as_deref()
            .is_some_and(|b| matches!(atlas.state(b, id), Ok(Some(_))))
    };
    let states: Vec<State> = t
        .states
        .iter()
        .filter(|s| used(&s.id) || of_base(&s.id))
        .cloned()
        .collect();
    t.states = states;
    Ok(t)
}

/// Removes the records at `indices` (each at most once).
fn remove(t: &mut Timeline, indices: &[usize]) -> Result<(), Vec<Problem>> {
    if let Some(i) = indices.iter().find(|&&i| i >= t.records.len()) {
        return Err(vec![Problem::new(
            format!("records[{i}]"),
            "there is no such record",
        )]);
    }
    if indices.is_empty() {
        return Err(vec![Problem::new("", "no record is chosen")]);
    }
    let mut k = 0;
    t.records.retain(|_| {
        k += 1;
        !indices.contains(&(k - 1))
    });
    Ok(())
}

/// The records of a timeline as the changes that made them: runs of records on the same day
/// with the same holder, status, overlord, note and evidence (one assignment of several
/// regions), as lists of indices.
pub fn changes(t: &Timeline) -> Vec<Vec<usize>> {
    let same = |a: &Record, b: &Record| {
        a.from == b.from
            && a.holder == b.holder
            && a.status == b.status
            && a.of == b.of
            && a.note == b.note
            && a.cite == b.cite
            && a.passages == b.passages
            && a.confidence == b.confidence
    };
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, r) in t.records.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if same(&t.records[g[0]], r) => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// Gives the assignment's regions their new holder from its day on (a new state is defined).
fn assign(t: &mut Timeline, atlas: &Atlas, a: Assignment) -> Result<(), Vec<Problem>> {
    if a.regions.is_empty() {
        return Err(vec![Problem::new("", "no region is selected")]);
    }
    let holder = match a.holder {
        Holder::Existing(id) => id,
        Holder::New {
            name,
            local,
            colour,
        } => {
            if !is_colour(&colour) {
                return Err(vec![Problem::new(
                    "new state",
                    format!("colour '{colour}' is not #rrggbb"),
                )]);
            }
            let with_self = with_timeline(atlas, t.clone());
            let id = unique_id(&slug(&name), |id| {
                matches!(with_self.state(&t.id, id), Ok(Some(_)))
            });
            t.states.push(State {
                id: id.clone(),
                name: name.trim().to_string(),
                local: trimmed(&local),
                colour,
                renamed: Vec::new(),
            });
            id
        }
    };
    let (passages, cite, confidence) = match a.evidence {
        Evidence::Passage(p) => (vec![p], None, Confidence::Stated),
        Evidence::Citation(c) if !c.trim().is_empty() => {
            (Vec::new(), Some(c.trim().to_string()), Confidence::Stated)
        }
        Evidence::Citation(_) | Evidence::None => (Vec::new(), None, Confidence::Invented),
    };
    let of = if a.status == Status::Part {
        None
    } else {
        a.of.filter(|o| !o.is_empty())
    };
    let note = trimmed(&a.note);
    for region in &a.regions {
        // A record of the same region on the same day is replaced.
        t.records
            .retain(|r| !(r.region == *region && r.from == a.from));
        t.records.push(Record {
            region: region.clone(),
            holder: holder.clone(),
            status: a.status,
            of: of.clone(),
            from: a.from,
            note: note.clone(),
            passages: passages.clone(),
            cite: cite.clone(),
            confidence: Some(confidence),
        });
    }
    Ok(())
}
