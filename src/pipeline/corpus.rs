//! The source texts -> the corpus: page chrome dropped, broken characters repaired, reader
//! comments kept apart as commentary, paragraphs cut into passages with stable ids, each
//! with the period it speaks of and the places and regions it names.

use super::files::read_json;
use super::gazetteer::Gazetteer;
use super::{PipelineError, Result};
use crate::model::date::{Date, MONTH_NAMES};
use crate::model::passages::{Kind, Passage, Period, Source};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// How to read one raw text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecipe {
    pub id: String,
    /// The raw text, relative to the data directory.
    pub file: String,
    pub title: String,
    pub author: String,
    pub published: String,
    pub language: String,
    pub timeline: String,
    /// The period the text covers: the fallback for passages that give no date.
    pub period: [Date; 2],
    /// Repair UTF-8 that was once read as Windows-1253 (`β€"` for `—`).
    #[serde(default)]
    pub repair_mojibake: bool,
    /// Removed from the end of every line (a per-paragraph counter, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strip_line_suffix: Option<String>,
    /// Where each part of the text starts (a line beginning with `start`), in order.
    pub sections: Vec<Section>,
    /// Lines beginning with any of these are page chrome.
    #[serde(default)]
    pub drop: Vec<String>,
    /// Lines equal to one of these are headings: not passages, but shown above the passages
    /// that follow them.
    #[serde(default)]
    pub headings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub start: String,
    pub kind: SectionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Story,
    Commentary,
    Chrome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusRecipe {
    pub sources: Vec<SourceRecipe>,
}

pub const RECIPE: &str = "authored/corpus.json";

/// Windows-1253, bytes 0x80–0xFF; where 1253 has no character the reader that broke the
/// text used Windows-1252's (0x9F became `Ÿ`).
const CP1253_HIGH: [char; 128] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    '\u{a0}', '΅', 'Ά', '£', '¤', '¥', '¦', '§', '¨', '©', 'ª', '«', '¬', '\u{ad}', '®', '―', '°',
    '±', '²', '³', '΄', 'µ', '¶', '·', 'Έ', 'Ή', 'Ί', '»', 'Ό', '½', 'Ύ', 'Ώ', 'ΐ', 'Α', 'Β', 'Γ',
    'Δ', 'Ε', 'Ζ', 'Η', 'Θ', 'Ι', 'Κ', 'Λ', 'Μ', 'Ν', 'Ξ', 'Ο', 'Π', 'Ρ', 'Ò', 'Σ', 'Τ', 'Υ', 'Φ',
    'Χ', 'Ψ', 'Ω', 'Ϊ', 'Ϋ', 'ά', 'έ', 'ή', 'ί', 'ΰ', 'α', 'β', 'γ', 'δ', 'ε', 'ζ', 'η', 'θ', 'ι',
    'κ', 'λ', 'μ', 'ν', 'ξ', 'ο', 'π', 'ρ', 'ς', 'σ', 'τ', 'υ', 'φ', 'χ', 'ψ', 'ω', 'ϊ', 'ϋ', 'ό',
    'ύ', 'ώ', 'ÿ',
];

fn cp1253_byte(c: char) -> Option<u8> {
    if c.is_ascii() {
        return Some(c as u8);
    }
    CP1253_HIGH
        .iter()
        .position(|&x| x == c)
        .map(|i| 0x80 + i as u8)
}

/// Repairs UTF-8 text that was decoded as Windows-1253 and encoded again: each run of
/// characters whose 1253 bytes form valid UTF-8 becomes what those bytes say. A sequence cut
/// short (a lost byte) becomes U+FFFD. Correct text is left alone.
pub fn repair_mojibake(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let lead = cp1253_byte(chars[i]).filter(|b| (0xC2..=0xF4).contains(b));
        let Some(lead) = lead else {
            out.push(chars[i]);
            i += 1;
            continue;
        };
        let need = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            _ => 3,
        };
        let mut bytes = vec![lead];
        let mut j = i + 1;
        while j < chars.len() && bytes.len() <= need {
            match cp1253_byte(chars[j]) {
                Some(b) if (0x80..=0xBF).contains(&b) => bytes.push(b),
                _ => break,
            }
            j += 1;
        }
        match std::str::from_utf8(&bytes) {
            Ok(s) if bytes.len() == need + 1 => {
                out.push_str(s);
                i = j;
            }
            _ if bytes.len() > 1 => {
                // Mojibake with a byte lost on the way: the character cannot be recovered.
                out.push('\u{FFFD}');
                i = j;
            }
            _ => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// Whether a line names a commenter and a time: `name [2019-02-12 01:25:21 +0000 UTC]`.
fn is_speaker_line(line: &str) -> bool {
    line.ends_with("UTC]") && line.contains(" [")
}

/// A paragraph before dates and places are found.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub kind: Kind,
    pub text: String,
    pub heading: Option<String>,
}

/// Cuts a raw text into paragraphs as its recipe says.
pub fn segment(recipe: &SourceRecipe, raw: &str) -> Vec<Paragraph> {
    let text = if recipe.repair_mojibake {
        repair_mojibake(raw)
    } else {
        raw.to_string()
    };
    let mut kind = SectionKind::Chrome;
    let mut next_section = 0;
    let mut heading: Option<String> = None;
    let mut last_was_heading = false;
    let mut out: Vec<Paragraph> = Vec::new();
    for line in text.lines() {
        let mut line = line.replace('\u{a0}', " ");
        if let Some(suffix) = &recipe.strip_line_suffix {
            let trimmed = line.trim_end();
            if let Some(stripped) = trimmed.strip_suffix(suffix.as_str()) {
                line = stripped.to_string();
            }
        }
        let line = line.trim();
        if let Some(section) = recipe.sections.get(next_section) {
            if line.starts_with(&section.start) {
                kind = section.kind;
                next_section += 1;
                heading = None;
            }
        }
        if line.is_empty()
            || kind == SectionKind::Chrome
            || recipe.drop.iter().any(|d| line.starts_with(d.as_str()))
        {
            continue;
        }
        if recipe.headings.iter().any(|h| h == line) {
            // Wiki headings end in their "Edit" link; headings in a row nest.
            let text = line.strip_suffix("Edit").unwrap_or(line).trim().to_string();
            heading = match (heading.take(), last_was_heading) {
                (Some(outer), true) => Some(format!("{outer} · {text}")),
                _ => Some(text),
            };
            last_was_heading = true;
            continue;
        }
        last_was_heading = false;
        if kind == SectionKind::Commentary && is_speaker_line(line) {
            heading = Some(line.to_string());
            continue;
        }
        let kind = if kind == SectionKind::Story {
            Kind::Story
        } else {
            Kind::Commentary
        };
        // A reply that quotes an earlier paragraph repeats it: keep the first only.
        if kind == Kind::Commentary && out.iter().any(|p| p.text == line) {
            continue;
        }
        out.push(Paragraph {
            kind,
            text: line.to_string(),
            heading: heading.clone(),
        });
    }
    out
}

const MONTHS_DE: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

fn month_of(word: &str) -> Option<u8> {
    let w = word.to_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| m.to_lowercase() == w)
        .or_else(|| MONTHS_DE.iter().position(|m| *m == w))
        .map(|i| i as u8 + 1)
}

fn day_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    (w.len() <= 2)
        .then(|| w.parse::<u8>().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn last_day(year: i32, month: u8) -> Date {
    (28..=31)
        .rev()
        .find_map(|d| Date::new(year, month, d))
        .unwrap_or(Date::for_year(year))
}

/// A date a text states, as a range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    pub from: Date,
    pub to: Date,
    /// The year was not written next to it but taken from the passage or its context.
    pub year_from_context: bool,
}

/// Words before a month name that show it is a date ("in March", "first of November"),
/// not a word such as "the victorious March of communism" or "August Thalheimer".
const BEFORE_MONTH: [&str; 14] = [
    "in", "im", "of", "on", "am", "since", "seit", "until", "bis", "by", "early", "late", "mid",
    "end",
];

/// The dates a text states within `period` (earlier or later years are references to other
/// times, not what the passage speaks of): "10 November 1923", "July, 1920", "December of
/// 1923", "April 16, 1922", "1926". A month without a year ("On 10 October") takes the year
/// of the passage's first date, else `context_year`.
pub fn stated_dates(text: &str, context_year: Option<i32>, period: [Date; 2]) -> Vec<Stated> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let within = |a: Date, b: Date| b >= period[0] && a <= period[1];
    let mut found = Vec::new();
    let mut used_months = vec![false; words.len()];
    for (k, w) in words.iter().enumerate() {
        let Ok(year) = w.parse::<i32>() else { continue };
        if w.len() != 4 || !(1900..=1949).contains(&year) {
            continue;
        }
        let at = |i: usize| k.checked_sub(i).and_then(|j| words.get(j).map(|w| (j, *w)));
        let month_at = |i: usize| at(i).and_then(|(j, w)| month_of(w).map(|m| (j, m)));
        let (mut month, mut day) = (None, None);
        if let Some((j, m)) = month_at(1) {
            month = Some(m);
            used_months[j] = true;
            day = at(2).and_then(|(_, w)| day_of(w));
        } else if let (Some((_, "of")), Some((j, m))) = (at(1), month_at(2)) {
            month = Some(m);
            used_months[j] = true;
        } else if let (Some(d), Some((j, m))) = (at(1).and_then(|(_, w)| day_of(w)), month_at(2)) {
            month = Some(m);
            day = Some(d);
            used_months[j] = true;
        }
        let range = match (month, day) {
            (Some(m), Some(d)) => Date::new(year, m, d).map(|x| (x, x)),
            (Some(m), None) => Date::new(year, m, 1).map(|x| (x, last_day(year, m))),
            _ => Date::new(year, 1, 1).map(|x| (x, Date::for_year(year))),
        };
        if let Some((from, to)) = range.filter(|(a, b)| within(*a, *b)) {
            found.push(Stated {
                from,
                to,
                year_from_context: false,
            });
        }
    }
    let Some(year) = found.first().map(|d| d.from.year).or(context_year) else {
        return found;
    };
    for (k, w) in words.iter().enumerate() {
        let Some(m) = month_of(w).filter(|_| !used_months[k]) else {
            continue;
        };
        let day_before = k.checked_sub(1).and_then(|j| day_of(words[j]));
        let day_after = words.get(k + 1).and_then(|w| day_of(w));
        let word_before = k.checked_sub(1).map(|j| words[j].to_lowercase());
        let dated = day_before.is_some()
            || day_after.is_some()
            || word_before.is_some_and(|b| BEFORE_MONTH.contains(&b.as_str()));
        // "May" is too often a verb to date a passage by itself.
        if !dated || (w.eq_ignore_ascii_case("may") && day_before.is_none() && day_after.is_none())
        {
            continue;
        }
        let range = match day_before.or(day_after) {
            Some(d) => Date::new(year, m, d).map(|x| (x, x)),
            None => Date::new(year, m, 1).map(|x| (x, last_day(year, m))),
        };
        if let Some((from, to)) = range.filter(|(a, b)| within(*a, *b)) {
            found.push(Stated {
                from,
                to,
                year_from_context: true,
            });
        }
    }
    found
}

/// The whole corpus: every source of the recipe, its passages dated and linked.
pub fn build_corpus(data: &Path, gazetteer: &Gazetteer) -> Result<(Vec<Source>, Vec<Passage>)> {
    let recipe_path = data.join(RECIPE);
    let recipe: CorpusRecipe = read_json(&recipe_path)?;
    let file = recipe_path.display().to_string();
    let mut sources = Vec::new();
    let mut passages = Vec::new();
    for (i, s) in recipe.sources.iter().enumerate() {
        let record = format!("sources[{i}] '{}'", s.id);
        if s.period[0] > s.period[1] {
            return Err(PipelineError::new(
                &file,
                &record,
                "period ends before it starts",
            ));
        }
        let raw_path = data.join(&s.file);
        let raw = std::fs::read_to_string(&raw_path).map_err(|e| {
            PipelineError::new(
                raw_path.display().to_string(),
                "",
                format!("cannot read: {e}"),
            )
        })?;
        let paragraphs = segment(s, &raw);
        if paragraphs.is_empty() {
            return Err(PipelineError::new(
                &file,
                &record,
                "no passage found: check its sections",
            ));
        }
        let mut context: Option<(Date, Date)> = None;
        for (n, p) in paragraphs.into_iter().enumerate() {
            let stated = stated_dates(&p.text, context.map(|c| c.1.year), s.period);
            let period = if p.kind == Kind::Commentary {
                Period {
                    from: s.period[0],
                    to: s.period[1],
                    inferred: true,
                    basis: "a reader's comment on the text: the period the text covers".into(),
                }
            } else if stated.is_empty() {
                let (from, to) = context.unwrap_or((s.period[0], s.period[1]));
                Period {
                    from,
                    to,
                    inferred: true,
                    basis: if context.is_some() {
                        "no date of its own: the date of the passages before it".into()
                    } else {
                        "no date of its own: the period the text covers".into()
                    },
                }
            } else {
                let from = stated.iter().map(|d| d.from).min().unwrap_or(s.period[0]);
                let to = stated.iter().map(|d| d.to).max().unwrap_or(s.period[1]);
                let from_context = stated.iter().all(|d| d.year_from_context);
                context = Some((from, to));
                Period {
                    from,
                    to,
                    inferred: from_context,
                    basis: if from_context {
                        "the month is stated, the year comes from the passages before it".into()
                    } else {
                        "stated".into()
                    },
                }
            };
            let mut places = gazetteer.places_in(&p.text);
            if let Some(h) = &p.heading {
                if p.kind == Kind::Story {
                    for place in gazetteer.places_in(h) {
                        if !places.contains(&place) {
                            places.push(place);
                        }
                    }
                }
            }
            let regions = gazetteer.regions_in(&p.text, &places);
            passages.push(Passage {
                id: format!("{}-{:03}", s.id, n + 1),
                source: s.id.clone(),
                kind: p.kind,
                text: p.text,
                heading: p.heading,
                period,
                places,
                regions,
            });
        }
        sources.push(Source {
            id: s.id.clone(),
            title: s.title.clone(),
            author: s.author.clone(),
            published: s.published.clone(),
            language: s.language.clone(),
            timeline: s.timeline.clone(),
        });
    }
    Ok((sources, passages))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_text_read_as_windows_1253() {
        assert_eq!(
            repair_mojibake("BrushHikka β€” Red Triumph"),
            "BrushHikka — Red Triumph"
        );
        assert_eq!(repair_mojibake("Β\u{a0}Sensing"), "\u{a0}Sensing");
        // The thumbs-up lost its last byte: it cannot come back, but no garbage remains.
        assert_eq!(repair_mojibake("πŸ‘: 0"), "\u{FFFD}: 0");
        for clean in [
            "Leon Trotzki – Alma Ata, „Über“ Großen",
            "墨書 Inktalez",
            "plain",
        ] {
            assert_eq!(repair_mojibake(clean), clean);
        }
    }

    #[test]
    fn finds_stated_dates() {
        let d = |s: &str| Date::parse(s).unwrap();
        let all = [d("1918-01-01"), d("1941-12-31")];
        let range = |text: &str, context: Option<i32>| -> Vec<(Date, Date, bool)> {
            stated_dates(text, context, all)
                .into_iter()
                .map(|s| (s.from, s.to, s.year_from_context))
                .collect()
        };
        assert_eq!(
            range("On 10 November 1923, the Berlin workers", None),
            [(d("1923-11-10"), d("1923-11-10"), false)]
        );
        assert_eq!(
            range("Time Period: July, 1920", None),
            [(d("1920-07-01"), d("1920-07-31"), false)]
        );
        assert_eq!(
            range("the revolutionary events in December of 1923", None),
            [(d("1923-12-01"), d("1923-12-31"), false)]
        );
        assert_eq!(
            range("signed on April 16, 1922, enabled", None),
            [(d("1922-04-16"), d("1922-04-16"), false)]
        );
        assert_eq!(
            range("Trotzki wurde am 31. Januar 1928 nach Alma Ata", None),
            [(d("1928-01-31"), d("1928-01-31"), false)]
        );
        assert_eq!(
            range("On 10 October, the Communists", Some(1923)),
            [(d("1923-10-10"), d("1923-10-10"), true)]
        );
        // A month without a year takes the year the passage itself states.
        assert_eq!(
            range(
                "In July 1940, the red army crossed. At the end of July, the army",
                Some(1921)
            ),
            [
                (d("1940-07-01"), d("1940-07-31"), false),
                (d("1940-07-01"), d("1940-07-31"), true)
            ]
        );
        // Names that are months in other uses are not dates.
        assert!(range("the victorious March of communism", Some(1923)).is_empty());
        assert!(range("elected August Thalheimer", Some(1923)).is_empty());
        assert!(range("he may come with 150 men", Some(1923)).is_empty());
    }

    #[test]
    fn years_outside_the_text_period_are_references_not_dates() {
        let d = |s: &str| Date::parse(s).unwrap();
        let period = [d("1923-09-01"), d("1941-12-31")];
        assert!(
            stated_dates("a repetition of the revolution of 1918-1919", None, period).is_empty()
        );
        let found = stated_dates("In 1930, the Commune ... from 1925 to 1930", None, period);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].from, d("1930-01-01"));
    }
}
