//! Passages of the source texts, and which of them answer "what do the texts say about this
//! region (or place) at this moment", nearest in date first.

use super::date::Date;
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

    /// "July 1920", "1925–1930", as the page shows it.
    pub fn label(&self) -> String {
        let month = |d: Date| {
            [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ][usize::from(d.month - 1)]
        };
        let (a, b) = (self.from, self.to);
        let whole_years = a.month == 1 && a.day == 1 && b.month == 12 && b.day == 31;
        let text = if whole_years && a.year == b.year {
            a.year.to_string()
        } else if whole_years {
            format!("{}–{}", a.year, b.year)
        } else if a.year == b.year && a.month == b.month {
            if a.day == b.day {
                a.long()
            } else {
                format!("{} {}", month(a), a.year)
            }
        } else if a.year == b.year {
            format!("{}–{} {}", month(a), month(b), a.year)
        } else {
            format!("{} {} – {} {}", month(a), a.year, month(b), b.year)
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
    pub lon: f64,
    pub lat: f64,
    /// The region it lies in.
    pub region: String,
}

/// The corpus the page and the command line share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub sources: Vec<Source>,
    pub passages: Vec<Passage>,
    pub places: Vec<Place>,
}

/// What is asked about: a region or a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    Region(&'a str),
    Place(&'a str),
}

impl Corpus {
    /// The passages of `sources` about a subject, nearest in date to `date` first (then in
    /// text order). `cited` passages (those an ownership record of the subject cites) count
    /// as about it even when they do not name it.
    pub fn related<'a>(&'a self, subject: Subject<'_>, sources: &[String], date: Date, cited: &[&str]) -> Vec<&'a Passage> {
        let mut found: Vec<(usize, &Passage)> = self
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| sources.contains(&p.source))
            .filter(|(_, p)| match subject {
                Subject::Region(r) => p.regions.iter().any(|x| x == r) || cited.contains(&p.id.as_str()),
                Subject::Place(id) => p.places.iter().any(|x| x == id),
            })
            .collect();
        found.sort_by_key(|(i, p)| (p.period.distance(date), p.kind == Kind::Commentary, *i));
        found.into_iter().map(|(_, p)| p).collect()
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn passage(&self, id: &str) -> Option<&Passage> {
        self.passages.iter().find(|p| p.id == id)
    }
}
