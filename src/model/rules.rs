//! The rules every timeline keeps, in one place: `atlas validate` checks the committed files
//! with them, and the page checks a reader's own timeline with them when it is edited, opened
//! from a file or from a link.

use super::atlas::{Atlas, Confidence, Timeline};
use super::date::Date;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A broken rule: which record (or part of the timeline), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub record: String,
    pub reason: String,
}

impl Problem {
    pub fn new(record: impl Into<String>, reason: impl Into<String>) -> Problem {
        Problem {
            record: record.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.record.is_empty() {
            write!(f, "{}", self.reason)
        } else {
            write!(f, "{}: {}", self.record, self.reason)
        }
    }
}

/// The longest name (of a timeline or a state), in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// The longest summary, note, fill note or citation, in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// The most records one timeline may have.
pub const MAX_RECORDS: usize = 5000;
/// The most states one timeline may define.
pub const MAX_STATES: usize = 500;
/// At most this many new names for one state.
pub const MAX_RENAMINGS: usize = 50;
/// The longest id (of a timeline or a state, and of anything a link names).
pub const MAX_ID_CHARS: usize = 64;

/// Whether an id is lower-case letters, digits and single hyphens between them: ids go into
/// links and file names. A link reads an id by the same rule (`permalink::parse_id`), so every
/// id the data may hold opens in a link.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
}

/// What an id that [`is_id`] refuses is told.
const ID_RULE: &str =
    "the id must be lower-case letters and digits, with single hyphens between them";

/// Whether a colour is `#rrggbb`.
pub fn is_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// What is wrong with a name shown on the map, if anything.
fn name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        Some("the name is empty".into())
    } else if name.chars().count() > MAX_NAME_CHARS {
        Some(format!(
            "the name is longer than {MAX_NAME_CHARS} characters"
        ))
    } else if name.contains(['<', '>']) {
        Some("the name contains markup ('<' or '>'); names are plain text".into())
    } else if name.chars().any(char::is_control) {
        Some("the name contains control characters".into())
    } else {
        None
    }
}

fn text_problem(what: &str, text: &str) -> Option<String> {
    (text.chars().count() > MAX_TEXT_CHARS)
        .then(|| format!("the {what} is longer than {MAX_TEXT_CHARS} characters"))
}

/// Every rule for the timeline `id` of `atlas`: its base chain, states, records, dates and
/// coverage (every region held from the first day on). `regions` are the map's region ids;
/// `passage_exists` answers whether the corpus has a passage (left out, cited passages are not
/// looked up).
pub fn check_timeline(
    atlas: &Atlas,
    id: &str,
    regions: &[&str],
    passage_exists: Option<&dyn Fn(&str) -> bool>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let t = match atlas.timeline(id) {
        Ok(t) => t,
        Err(e) => return vec![Problem::new("", e.to_string())],
    };
    let whole = format!("timeline '{}'", t.id);
    let mut problem = |record: &str, reason: String| problems.push(Problem::new(record, reason));
    if !is_id(&t.id) {
        problem(&whole, ID_RULE.into());
    }
    if let Err(e) = atlas.lineage(&t.id) {
        problem(&whole, e.to_string());
        return problems;
    }
    if let Some(reason) = name_problem(&t.name) {
        problem(&whole, reason);
    }
    for (what, text) in [
        ("summary", Some(&t.summary)),
        ("fill note", t.fill_note.as_ref()),
    ] {
        if let Some(reason) = text.and_then(|s| text_problem(what, s)) {
            problem(&whole, reason);
        }
    }
    match (t.base.is_some(), t.diverges) {
        (false, Some(_)) => problem(&whole, "a timeline without a base cannot diverge".into()),
        (_, Some(d)) if d < Date::START || d > Date::END => problem(
            &whole,
            format!(
                "diverges on {d}, outside the atlas's days ({} to {})",
                Date::START,
                Date::END
            ),
        ),
        _ => {}
    }
    if t.states.len() > MAX_STATES {
        problem(
            &whole,
            format!(
                "has {} states; at most {MAX_STATES} are allowed",
                t.states.len()
            ),
        );
        return problems;
    }
    if t.records.len() > MAX_RECORDS {
        problem(
            &whole,
            format!(
                "has {} records; at most {MAX_RECORDS} are allowed",
                t.records.len()
            ),
        );
        return problems;
    }
    let mut state_ids = BTreeSet::new();
    for (i, s) in t.states.iter().enumerate() {
        let record = format!("states[{i}] '{}'", s.id);
        if !is_id(&s.id) {
            problem(&record, ID_RULE.into());
        }
        if !state_ids.insert(s.id.as_str()) {
            problem(&record, "state id used twice".into());
        }
        if !is_colour(&s.colour) {
            problem(&record, format!("colour '{}' is not #rrggbb", s.colour));
        }
        for name in std::iter::once(&s.name).chain(&s.local) {
            if let Some(reason) = name_problem(name) {
                problem(&record, reason);
            }
        }
        if s.renamed.len() > MAX_RENAMINGS {
            problem(
                &record,
                format!(
                    "has {} new names; at most {MAX_RENAMINGS} are allowed",
                    s.renamed.len()
                ),
            );
        }
        let mut since = Date::START;
        for (k, r) in s.renamed.iter().enumerate().take(MAX_RENAMINGS) {
            let renaming = format!("{record} renamed[{k}] (from {})", r.from);
            if r.from <= since || r.from > Date::END {
                problem(
                    &renaming,
                    format!(
                        "a new name needs a day after the one before (or after {}) and on or before {}",
                        Date::START,
                        Date::END
                    ),
                );
            }
            since = since.max(r.from);
            for name in std::iter::once(&r.name).chain(&r.local) {
                if let Some(reason) = name_problem(name) {
                    problem(&renaming, reason);
                }
            }
        }
    }
    let mut last: BTreeMap<&str, Date> = BTreeMap::new();
    for (i, r) in t.records.iter().enumerate() {
        let record = format!("records[{i}] ({} from {})", r.region, r.from);
        if !regions.contains(&r.region.as_str()) {
            problem(&record, format!("no region '{}'", r.region));
        }
        for (what, id) in
            std::iter::once(("holder", &r.holder)).chain(r.of.iter().map(|o| ("of", o)))
        {
            if !matches!(atlas.state(&t.id, id), Ok(Some(_))) {
                problem(
                    &record,
                    format!("{what} '{id}' is not a state of this timeline or its base"),
                );
            }
        }
        if r.from < Date::START || r.from > Date::END {
            problem(
                &record,
                format!(
                    "starts outside the atlas's days ({} to {})",
                    Date::START,
                    Date::END
                ),
            );
        }
        if let Some(d) = t.diverges {
            if r.from < d {
                problem(
                    &record,
                    format!("starts before the timeline diverges ({d})"),
                );
            }
        }
        if let Some(prev) = last.insert(r.region.as_str(), r.from) {
            if r.from <= prev {
                problem(&record, format!("not after the region's previous record ({prev}): records of a region must be in date order"));
            }
        }
        for (what, text) in [("note", r.note.as_ref()), ("citation", r.cite.as_ref())] {
            if let Some(reason) = text.and_then(|s| text_problem(what, s)) {
                problem(&record, reason);
            }
        }
        if let Some(exists) = passage_exists {
            for p in &r.passages {
                if !exists(p) {
                    problem(
                        &record,
                        format!("cites passage '{p}', which the corpus does not have"),
                    );
                }
            }
        }
        if t.base.is_some() {
            let unsourced = r.passages.is_empty() && r.cite.is_none();
            if unsourced && !matches!(r.confidence, Some(Confidence::Real | Confidence::Invented)) {
                problem(&record, "cites no passage and no other source: give its evidence, or mark it \"confidence\": \"real\" or \"invented\"".into());
            }
            if r.confidence.is_none() {
                problem(
                    &record,
                    "has no confidence (stated, inferred, real or invented)".into(),
                );
            }
        }
    }
    // Coverage: every region held on every day. Records never end, so a region held on the
    // first day by a known state stays held.
    match atlas.ownership_at(&t.id, Date::START, regions) {
        Ok(holdings) => {
            for (region, h) in regions.iter().zip(holdings) {
                if h.is_none() {
                    problem(
                        &format!("region '{region}'"),
                        format!("held by no known state on {}", Date::START),
                    );
                }
            }
        }
        Err(e) => problem(&whole, e.to_string()),
    }
    problems
}

/// The atlas with `timeline` in it, in place of any timeline of the same id.
pub fn with_timeline(atlas: &Atlas, timeline: Timeline) -> Atlas {
    let mut timelines: Vec<Timeline> = atlas
        .timelines
        .iter()
        .filter(|t| t.id != timeline.id)
        .cloned()
        .collect();
    timelines.push(timeline);
    Atlas { timelines }
}
