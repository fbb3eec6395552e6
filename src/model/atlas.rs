//! Timelines, states and ownership records; who holds each region on a given day.
//!
//! An alternate timeline is real history plus its differences: it names a `base` timeline and
//! inherits every region it does not change. For a region it does change, its own records
//! rule from its first record for that region on; before that date the base's records apply.
//! States work the same way: the alternate timeline may add states or redefine a base state
//! (a new name or colour for the same id).

use super::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// How a holder holds a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Part of the holder.
    Part,
    /// Occupied by the holder; `of` names the sovereign de jure.
    Occupied,
    /// Held by a puppet state; `of` names its overlord.
    Puppet,
    /// Held by the holder but contested; `of` names the other claimant.
    Disputed,
}

impl Status {
    /// "occupied", as shown in tooltips and legends.
    pub fn label(self) -> &'static str {
        match self {
            Status::Part => "part",
            Status::Occupied => "occupied",
            Status::Puppet => "puppet",
            Status::Disputed => "disputed",
        }
    }
}

/// How sure the atlas is of a border record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A passage says so.
    Stated,
    /// Reasoned from passages; the note says how.
    Inferred,
    /// The text is silent; real history fills in.
    Real,
    /// A reader's own timeline: the author's invention, resting on no source.
    Invented,
}

/// A polity of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    /// `#rrggbb`.
    pub colour: String,
    /// The names it takes later, in order of their days: `name` and `local` are the names it
    /// bears before the first of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<Renaming>,
}

/// A new name a state takes from a day on: the Kingdom of Serbs, Croats and Slovenes became
/// Yugoslavia on 3 October 1929.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Renaming {
    pub from: Date,
    pub name: String,
    /// The name in its own language; without one, the local name it bore before stays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
}

impl State {
    /// Its name on a day, in English or in its own language.
    pub fn name_on(&self, date: Date, names: super::permalink::Names) -> &str {
        let (mut name, mut local) = (self.name.as_str(), self.local.as_deref());
        for r in self.renamed.iter().filter(|r| r.from <= date) {
            name = &r.name;
            local = r.local.as_deref().or(local);
        }
        named(name, local, names)
    }

    /// The new names it takes after `since`, up to `day`.
    fn renamings_in(&self, since: Date, day: Date) -> impl Iterator<Item = &Renaming> {
        self.renamed
            .iter()
            .filter(move |r| since < r.from && r.from <= day)
    }

    /// Whether it takes a new name after one of two days, up to the other.
    pub fn renamed_between(&self, a: Date, b: Date) -> bool {
        self.renamings_in(a.min(b), a.max(b)).next().is_some()
    }

    /// The name it bore before its latest new name after `since` and up to `day`, and the last
    /// day it bore it: Iran, held since 1918, was "Persia" until 20 March 1935.
    pub fn former_name(
        &self,
        since: Date,
        day: Date,
        names: super::permalink::Names,
    ) -> Option<(&str, Date)> {
        let latest = self.renamings_in(since, day).max_by_key(|r| r.from)?;
        let last = latest.from.previous();
        Some((self.name_on(last, names), last))
    }

    /// Its English names, first to last: "Persia / Iran" names it in a list of every year.
    pub fn all_names(&self) -> String {
        std::iter::once(self.name.as_str())
            .chain(self.renamed.iter().map(|r| r.name.as_str()))
            .collect::<Vec<_>>()
            .join(" / ")
    }
}

/// A name in English or in its own language (English where there is no other).
fn named<'a>(name: &'a str, local: Option<&'a str>, names: super::permalink::Names) -> &'a str {
    match names {
        super::permalink::Names::English => name,
        super::permalink::Names::Local => local.unwrap_or(name),
    }
}

/// "Region R is held by S from day D."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub region: String,
    pub holder: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    pub from: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Ids of the passages that support the record.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<String>,
    /// A source outside the corpus, as its author cites it (a book, a page, an article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cite: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
}

/// What the map of a timeline shows after its text stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AfterText {
    /// Later years keep the last borders the text knows.
    Freeze,
    /// Its own records and those of its base go on as written.
    #[default]
    Continue,
}

/// One timeline as authored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Source text ids (e.g. "000").
    #[serde(default)]
    pub sources: Vec<String>,
    /// The timeline this one differs from; `None` for real history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
    /// The first day it differs from its base.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diverges: Option<Date>,
    /// Where its text stops knowing; the map marks what comes after as filled in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ends: Option<Date>,
    /// How the map goes on after `text_ends`.
    #[serde(default)]
    pub after_text: AfterText,
    /// In words: how the atlas fills what the text does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill_note: Option<String>,
    #[serde(default)]
    pub states: Vec<State>,
    #[serde(default)]
    pub records: Vec<Record>,
}

/// Who holds a region on a day, and on what record.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Holding<'a> {
    pub state: &'a State,
    pub record: &'a Record,
    /// The timeline whose record this is (an alternate timeline may inherit its base's).
    pub timeline: &'a str,
    /// The record's place among that timeline's records.
    pub index: usize,
}

/// The day whose borders a timeline shows for `date`: one that freezes after its text shows
/// the borders of the text's last day.
fn shown_day(t: &Timeline, date: Date) -> Date {
    match (t.after_text, t.text_ends) {
        (AfterText::Freeze, Some(end)) if date > end => end,
        _ => date,
    }
}

/// A timeline's records indexed by region (see [`Atlas::ownership`]).
#[derive(Debug)]
pub struct Ownership<'a> {
    /// The timeline, then those it rests on.
    lineage: Vec<&'a Timeline>,
    states: HashMap<&'a str, &'a State>,
    by_region: HashMap<&'a str, Vec<Vec<(usize, &'a Record)>>>,
}

impl<'a> Ownership<'a> {
    /// The day whose borders (and names) the timeline shows for `date` (see [`shown_day`]).
    pub fn shown_day(&self, date: Date) -> Date {
        shown_day(self.lineage[0], date)
    }

    /// Who holds each of `regions` on `date`: the most derived timeline whose own records
    /// for a region have begun rules it, by its latest record begun.
    pub fn at(&self, date: Date, regions: &[&str]) -> Vec<Option<Holding<'a>>> {
        let date = self.shown_day(date);
        regions
            .iter()
            .map(|region| {
                let (index, record, timeline) = self
                    .by_region
                    .get(region)?
                    .iter()
                    .enumerate()
                    .find_map(|(depth, own)| {
                        let first = own.iter().map(|(_, r)| r.from).min()?;
                        (first <= date).then(|| {
                            let &(index, latest) = own
                                .iter()
                                .filter(|(_, r)| r.from <= date)
                                .max_by_key(|(_, r)| r.from)?;
                            Some((index, latest, self.lineage[depth].id.as_str()))
                        })?
                    })?;
                let state = self.states.get(record.holder.as_str())?;
                Some(Holding {
                    state,
                    record,
                    timeline,
                    index,
                })
            })
            .collect()
    }
}

/// Why a question about ownership cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AtlasError {
    UnknownTimeline(String),
    UnknownRegion(String),
    /// A base chain that loops or names a missing timeline.
    BadBase(String),
}

impl fmt::Display for AtlasError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AtlasError::UnknownTimeline(t) => write!(f, "no timeline '{t}'"),
            AtlasError::UnknownRegion(r) => write!(f, "no region '{r}'"),
            AtlasError::BadBase(t) => {
                write!(f, "timeline '{t}' has a base that is missing or loops")
            }
        }
    }
}

impl std::error::Error for AtlasError {}

/// All timelines, indexed for the questions the map and the command line ask.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Atlas {
    pub timelines: Vec<Timeline>,
}

impl Atlas {
    pub fn timeline(&self, id: &str) -> Result<&Timeline, AtlasError> {
        self.timelines
            .iter()
            .find(|t| t.id == id)
            .ok_or_else(|| AtlasError::UnknownTimeline(id.to_string()))
    }

    /// The chain from a timeline down to its root: `[red-triumph, real]`.
    pub fn lineage(&self, id: &str) -> Result<Vec<&Timeline>, AtlasError> {
        let mut chain = vec![self.timeline(id)?];
        while let Some(base) = &chain[chain.len() - 1].base {
            let next = self
                .timeline(base)
                .map_err(|_| AtlasError::BadBase(id.to_string()))?;
            if chain.iter().any(|t| t.id == next.id) {
                return Err(AtlasError::BadBase(id.to_string()));
            }
            chain.push(next);
        }
        Ok(chain)
    }

    /// The texts a timeline rests on: its own, or (a reader's timeline, which has none) those
    /// of the nearest timeline it rests on that has some.
    pub fn sources(&self, timeline: &str) -> Result<&[String], AtlasError> {
        Ok(self
            .lineage(timeline)?
            .into_iter()
            .map(|t| t.sources.as_slice())
            .find(|s| !s.is_empty())
            .unwrap_or(&[]))
    }

    /// The state with this id as the timeline sees it (its own definition first).
    pub fn state<'a>(&'a self, timeline: &str, id: &str) -> Result<Option<&'a State>, AtlasError> {
        Ok(self
            .lineage(timeline)?
            .into_iter()
            .find_map(|t| t.states.iter().find(|s| s.id == id)))
    }

    /// The records that decide a region in a timeline, oldest first, each with the timeline
    /// it comes from and its place among that timeline's records.
    pub fn records_of<'a>(
        &'a self,
        timeline: &str,
        region: &str,
    ) -> Result<Vec<(&'a Record, &'a str, usize)>, AtlasError> {
        let lineage = self.lineage(timeline)?;
        // From the root up: each timeline's own records cut off its base's from their first date.
        let mut merged: Vec<(&Record, &str, usize)> = Vec::new();
        for t in lineage.iter().rev() {
            let own: Vec<(usize, &Record)> = t
                .records
                .iter()
                .enumerate()
                .filter(|(_, r)| r.region == region)
                .collect();
            if let Some(first) = own.iter().map(|(_, r)| r.from).min() {
                merged.retain(|(r, _, _)| r.from < first);
                merged.extend(own.into_iter().map(|(i, r)| (r, t.id.as_str(), i)));
            }
        }
        merged.sort_by_key(|(r, _, _)| r.from);
        Ok(merged)
    }

    /// Who holds each of `regions` on `date` in `timeline`; `None` where no record has
    /// started yet or the holder is not a known state (the validator reports both).
    pub fn ownership_at<'a>(
        &'a self,
        timeline: &str,
        date: Date,
        regions: &[&str],
    ) -> Result<Vec<Option<Holding<'a>>>, AtlasError> {
        Ok(self.ownership(timeline)?.at(date, regions))
    }

    /// The records of `timeline` and those it rests on, indexed by region once, for
    /// questions about many days (a timeline's year maps ask 24).
    pub fn ownership(&self, timeline: &str) -> Result<Ownership<'_>, AtlasError> {
        let lineage = self.lineage(timeline)?;
        let mut states: HashMap<&str, &State> = HashMap::new();
        for t in lineage.iter().rev() {
            for s in &t.states {
                states.insert(s.id.as_str(), s);
            }
        }
        // Each region's records per timeline, from the leaf down to the root.
        let mut by_region: HashMap<&str, Vec<Vec<(usize, &Record)>>> = HashMap::new();
        for (depth, t) in lineage.iter().enumerate() {
            for (i, r) in t.records.iter().enumerate() {
                by_region
                    .entry(r.region.as_str())
                    .or_insert_with(|| vec![Vec::new(); lineage.len()])[depth]
                    .push((i, r));
            }
        }
        Ok(Ownership {
            lineage,
            states,
            by_region,
        })
    }

    /// Whether `date` lies after the text of the timeline stops.
    pub fn after_text_ends(&self, timeline: &str, date: Date) -> bool {
        self.timeline(timeline)
            .ok()
            .and_then(|t| t.text_ends)
            .is_some_and(|end| date > end)
    }

    /// Who holds one region on a day.
    pub fn holder_of<'a>(
        &'a self,
        timeline: &str,
        date: Date,
        region: &str,
    ) -> Result<Option<Holding<'a>>, AtlasError> {
        Ok(self
            .ownership_at(timeline, date, &[region])?
            .pop()
            .flatten())
    }

    /// The days after the armistice on which the map of a timeline changes, in order
    /// (the slider's ticks).
    pub fn change_dates(&self, timeline: &str) -> Result<Vec<Date>, AtlasError> {
        let mut regions: Vec<&str> = self
            .lineage(timeline)?
            .iter()
            .flat_map(|t| t.records.iter().map(|r| r.region.as_str()))
            .collect();
        regions.sort_unstable();
        regions.dedup();
        let mut dates = Vec::new();
        for region in regions {
            dates.extend(
                self.records_of(timeline, region)?
                    .into_iter()
                    .map(|(r, _, _)| r.from)
                    .filter(|d| *d > Date::START),
            );
        }
        dates.sort();
        dates.dedup();
        Ok(dates)
    }
}

/// The `format` of the atlas file the pipeline writes and the page reads.
pub const ATLAS_FORMAT: &str = "uchronia-atlas";
/// The version of that file this code reads and writes.
pub const ATLAS_VERSION: u32 = 1;

/// `build/atlas.json`: every timeline with its states and records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AtlasFile {
    pub format: String,
    pub version: u32,
    #[serde(flatten)]
    pub atlas: Atlas,
    /// How the page names the timelines' source texts (by id: “title”, author) before the
    /// texts themselves are loaded.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, String>,
}

/// A source text as the page names it: “title”, author.
pub fn source_name(title: &str, author: &str) -> String {
    format!("“{title}”, {author}")
}

impl AtlasFile {
    pub fn new(atlas: Atlas) -> AtlasFile {
        AtlasFile {
            format: ATLAS_FORMAT.to_string(),
            version: ATLAS_VERSION,
            atlas,
            sources: BTreeMap::new(),
        }
    }

    /// The atlas, if the file is of the format and version this code reads and has a timeline.
    pub fn into_atlas(self) -> Result<Atlas, String> {
        if self.format != ATLAS_FORMAT || self.version != ATLAS_VERSION {
            return Err(format!(
                "expected {ATLAS_FORMAT} version {ATLAS_VERSION}, found {} version {}",
                self.format, self.version
            ));
        }
        if self.atlas.timelines.is_empty() {
            return Err("no timelines".into());
        }
        Ok(self.atlas)
    }
}
