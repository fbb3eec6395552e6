//! Passages of the source texts, and which of them answer "what do the texts say about this
//! region (or place) at this moment", nearest in date first.

use super::atlas::{Atlas, AtlasError, Confidence};
use super::date::{Date, FIRST_YEAR, LAST_YEAR};
use serde::{Deserialize, Serialize};

/// A source text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// "000".
    pub id: String,
    pub title: String,
    pub author: String,
    /// Where and when it was published.
    pub published: String,
    /// BCP 47 language tag of the text.
    pub language: String,
    /// The timeline the text tells.
    pub timeline: String,
}

/// Story (the text itself) or commentary (a reader's reply).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Story,
    Commentary,
}

/// The period a passage speaks of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub from: Date,
    pub to: Date,
    /// True when the passage gives no date and the period comes from its context.
    pub inferred: bool,
    /// How the period was found: "stated", or where it was inferred from.
    pub basis: String,
}

impl Period {
    /// Days between a date and this period (0 inside it).
    pub fn distance(&self, date: Date) -> i64 {
        if date < self.from {
            day_number(self.from) - day_number(date)
        } else if date > self.to {
            day_number(date) - day_number(self.to)
        } else {
            0
        }
    }

    /// How many days it spans (one for a single day).
    pub fn days(&self) -> i64 {
        day_number(self.to) - day_number(self.from) + 1
    }

    /// "July 1920", "1925–1930", "10 November 1923", as the page shows it.
    pub fn label(&self) -> String {
        let month = |d: Date| d.month_name();
        let last_of_month = |d: Date| Date::new(d.year, d.month, d.day + 1).is_none();
        let (a, b) = (self.from, self.to);
        let whole_months = a.day == 1 && last_of_month(b);
        let text = if a == b {
            a.long()
        } else if whole_months && a.month == 1 && b.month == 12 {
            if a.year == b.year {
                a.year.to_string()
            } else {
                format!("{} – {}", a.year, b.year)
            }
        } else if whole_months {
            match (a.year == b.year, a.month == b.month) {
                (true, true) => format!("{} {}", month(a), a.year),
                (true, false) => format!("{} – {} {}", month(a), month(b), a.year),
                _ => format!("{} {} – {} {}", month(a), a.year, month(b), b.year),
            }
        } else if a.year == b.year && a.month == b.month {
            format!("{}–{} {} {}", a.day, b.day, month(a), a.year)
        } else {
            format!("{} – {}", a.long(), b.long())
        };
        if self.inferred {
            format!("{text} (inferred)")
        } else {
            text
        }
    }
}

/// Days since an arbitrary epoch (for distances only).
fn day_number(d: Date) -> i64 {
    // Days from civil, after H. Hinnant's algorithm.
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe
}

/// A paragraph of a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Passage {
    /// "000-012": source and position.
    pub id: String,
    pub source: String,
    pub kind: Kind,
    pub text: String,
    /// The heading or speaker the passage stands under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub period: Period,
    /// Ids of the places it names.
    #[serde(default)]
    pub places: Vec<String>,
    /// Ids of the regions it names or whose places it names.
    #[serde(default)]
    pub regions: Vec<String>,
}

/// A named city or site, with its position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: String,
    pub name: String,
    /// Its name in its own language in those years, where it differs from `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    /// Other names of it in the texts' languages (Posen for Poznań).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    pub lon: f64,
    pub lat: f64,
    /// The region it lies in.
    pub region: String,
}

impl Place {
    /// Its name in English or in its own language (English where the data has no other).
    pub fn name_in(&self, names: super::permalink::Names) -> &str {
        match names {
            super::permalink::Names::English => &self.name,
            super::permalink::Names::Local => self.local.as_deref().unwrap_or(&self.name),
        }
    }
}

/// Names that stand for one or more regions ("Silesia" names both Silesias).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionNames {
    pub regions: Vec<String>,
    pub names: Vec<String>,
}

/// The corpus the page and the command line share.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
    pub places: Vec<Place>,
    /// The names the texts give regions, in their languages (Bayern, Wielkopolska).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub region_names: Vec<RegionNames>,
}

/// A run of a passage's text: plain words, or a name or year that leads to the map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    /// A name of a place the passage names; the place's id.
    Place(String, String),
    /// A name of a region the passage names; the region's id.
    Region(String, String),
    /// A year of the atlas (1918–1941) written in the passage.
    Year(String, i32),
}

/// Whether `text` has a word boundary at byte `i` (start or end of a word).
fn boundary(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().next();
    !(before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric))
}

/// A passage listed for a moment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Related<'a> {
    pub passage: &'a Passage,
    /// The confidence of the border record in force, when it cites this passage.
    pub evidence: Option<Confidence>,
}

/// What is asked about: a region or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    Region(&'a str),
    Place(&'a str),
}

impl Corpus {
    /// The passages of `sources` about a subject, the ones in `cited` first (the evidence of
    /// the border shown), then nearest in date to `date`, story before commentary, then in
    /// text order. Cited passages count as about the subject even when they do not name it.
    pub fn related<'a>(
        &'a self,
        subject: Subject<'_>,
        sources: &[String],
        date: Date,
        cited: &[String],
    ) -> Vec<&'a Passage> {
        let mut found: Vec<(usize, &Passage)> = self
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| sources.contains(&p.source))
            .filter(|(_, p)| {
                cited.contains(&p.id)
                    || match subject {
                        Subject::Region(r) => p.regions.iter().any(|x| x == r),
                        Subject::Place(id) => p.places.iter().any(|x| x == id),
                    }
            })
            .collect();
        found.sort_by_key(|(i, p)| {
            (
                !cited.contains(&p.id),
                p.period.distance(date),
                p.kind == Kind::Commentary,
                *i,
            )
        });
        found.into_iter().map(|(_, p)| p).collect()
    }

    /// What the viewer and `atlas passages` list for a region or place in a timeline on a
    /// day: the timeline's own texts about it, the evidence of the border shown first.
    pub fn for_moment<'a>(
        &'a self,
        atlas: &Atlas,
        timeline: &str,
        date: Date,
        subject: Subject<'_>,
    ) -> Result<Vec<Related<'a>>, AtlasError> {
        let sources = atlas.sources(timeline)?;
        let record = match subject {
            Subject::Region(r) => atlas.holder_of(timeline, date, r)?.map(|h| h.record),
            Subject::Place(_) => None,
        };
        let cited = record.map(|r| r.passages.clone()).unwrap_or_default();
        Ok(self
            .related(subject, sources, date, &cited)
            .into_iter()
            .map(|passage| Related {
                passage,
                evidence: record
                    .filter(|r| r.passages.contains(&passage.id))
                    .map(|r| r.confidence.unwrap_or(Confidence::Real)),
            })
            .collect())
    }

    /// A passage's text cut into plain runs and links: the names of the places and regions
    /// it names (as whole words, in any case, the longest name first) and the years of the
    /// atlas it writes.
    pub fn segments(&self, passage: &Passage) -> Vec<Segment> {
        let mut names: Vec<(&str, Segment)> = Vec::new();
        for id in &passage.places {
            if let Some(p) = self.place(id) {
                for n in std::iter::once(&p.name).chain(&p.names) {
                    names.push((n, Segment::Place(String::new(), id.clone())));
                }
            }
        }
        for alias in &self.region_names {
            if let Some(id) = passage.regions.iter().find(|r| alias.regions.contains(r)) {
                for n in &alias.names {
                    names.push((n, Segment::Region(String::new(), id.clone())));
                }
            }
        }
        names.retain(|(n, _)| !n.is_empty());
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let text = passage.text.as_str();
        let mut out = Vec::new();
        let (mut plain, mut i) = (0usize, 0usize);
        while i < text.len() {
            if !text.is_char_boundary(i) || !boundary(text, i) {
                i += 1;
                continue;
            }
            let rest = &text[i..];
            let found = names.iter().find_map(|(n, seg)| {
                let end = i + n.len();
                (rest.len() >= n.len()
                    && text.is_char_boundary(end)
                    && rest[..n.len()].eq_ignore_ascii_case(n)
                    && boundary(text, end))
                .then_some((end, seg))
            });
            let link = match found {
                Some((end, Segment::Place(_, id))) => {
                    Some((end, Segment::Place(text[i..end].to_string(), id.clone())))
                }
                Some((end, Segment::Region(_, id))) => {
                    Some((end, Segment::Region(text[i..end].to_string(), id.clone())))
                }
                _ => {
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    rest.get(..4)
                        .filter(|_| digits == 4 && boundary(text, i + 4))
                        .and_then(|y| y.parse::<i32>().ok())
                        .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
                        .map(|y| (i + 4, Segment::Year(text[i..i + 4].to_string(), y)))
                }
            };
            match link {
                Some((end, seg)) => {
                    if plain < i {
                        out.push(Segment::Text(text[plain..i].to_string()));
                    }
                    out.push(seg);
                    plain = end;
                    i = end;
                }
                None => i += 1,
            }
        }
        if plain < text.len() {
            out.push(Segment::Text(text[plain..].to_string()));
        }
        out
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }

    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }

    /// Where the map goes when a reader beside it reaches a passage: the year it speaks of
    /// (the first of its period, within the atlas's years) and the places it names.
    pub fn follow(&self, id: &str) -> Option<Follow> {
        let p = self.passage(id)?;
        Some(Follow {
            year: p
                .period
                .from
                .year
                .clamp(super::date::FIRST_YEAR, super::date::LAST_YEAR),
            when: p.period.label(),
            places: p.places.clone(),
        })
    }

    /// The passages of the source a passage belongs to, in the text's order.
    pub fn text_of(&self, id: &str) -> Vec<&Passage> {
        let Some(source) = self.passage(id).map(|p| p.source.as_str()) else {
            return Vec::new();
        };
        self.passages
            .iter()
            .filter(|p| p.source == source)
            .collect()
    }
}

/// What the map shows for a passage read beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Follow {
    pub year: i32,
    /// "September 1923", as the passage's period reads.
    pub when: String,
    /// Ids of the places it names.
    pub places: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(a: &str, b: &str) -> Period {
        Period {
            from: Date::parse(a).unwrap(),
            to: Date::parse(b).unwrap(),
            inferred: false,
            basis: "stated".into(),
        }
    }

    #[test]
    fn periods_read_as_people_write_them() {
        assert_eq!(period("1920-07-01", "1920-07-31").label(), "July 1920");
        assert_eq!(period("1926-01-01", "1926-12-31").label(), "1926");
        assert_eq!(period("1925-01-01", "1930-12-31").label(), "1925 – 1930");
        assert_eq!(
            period("1923-11-10", "1923-11-10").label(),
            "10 November 1923"
        );
        assert_eq!(
            period("1926-01-01", "1933-09-03").label(),
            "1 January 1926 – 3 September 1933"
        );
        assert_eq!(period("1923-12-01", "1923-12-31").label(), "December 1923");
        assert_eq!(
            period("1923-11-01", "1923-12-31").label(),
            "November – December 1923"
        );
        assert_eq!(
            period("1923-10-10", "1923-10-30").label(),
            "10–30 October 1923"
        );
        assert_eq!(
            period("1927-11-01", "1929-02-28").label(),
            "November 1927 – February 1929"
        );
        let mut p = period("1928-01-01", "1929-12-31");
        p.inferred = true;
        assert_eq!(p.label(), "1928 – 1929 (inferred)");
    }

    #[test]
    fn distance_is_zero_inside_and_counts_days_outside() {
        let p = period("1923-11-01", "1923-11-30");
        assert_eq!(p.distance(Date::parse("1923-11-15").unwrap()), 0);
        assert_eq!(p.distance(Date::parse("1923-12-31").unwrap()), 31);
        assert_eq!(p.distance(Date::parse("1923-10-31").unwrap()), 1);
    }
}
