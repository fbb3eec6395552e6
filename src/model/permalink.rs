//! The moment on screen as a URL query: `?t=red-triumph&y=1925&r=bavaria&v=10.50,50.20,4.00`.
//!
//! Keys: `t` timeline id, `y` year (1918–1941), `r` selected region or place id,
//! `v` view as `longitude,latitude,zoom`. Parsing never fails as a whole: every value it
//! cannot use is set aside with the reason, and the moment falls back to the nearest valid
//! one (a year out of range is clamped, anything else takes its default). The viewer shows
//! the reasons in a notice; [`Moment::to_query`] writes the canonical form back.

use super::date::{FIRST_YEAR, LAST_YEAR};
use std::fmt;

/// The timeline shown when a link names none.
pub const DEFAULT_TIMELINE: &str = "real";
/// The year shown when a link names none.
pub const DEFAULT_YEAR: i32 = 1930;
/// Zoom bounds of the map: 1 shows the whole map, 64 a few kilometres.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 64.0;

/// The part of the map on screen: its centre and zoom, kept to two decimals
/// (about a kilometre) so that a link reads well and round-trips exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

impl View {
    /// A view rounded to two decimals, or `None` if the centre is off the globe or not a number.
    /// A zoom out of bounds is clamped.
    pub fn new(lon: f64, lat: f64, zoom: f64) -> Option<View> {
        let finite = lon.is_finite() && lat.is_finite() && zoom.is_finite();
        if !finite || !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return None;
        }
        Some(View {
            lon: round2(lon),
            lat: round2(lat),
            zoom: round2(zoom.clamp(MIN_ZOOM, MAX_ZOOM)),
        })
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Everything that fixes what the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub timeline: String,
    pub year: i32,
    /// A region or place id.
    pub selection: Option<String>,
    /// `None`: the map's default view.
    pub view: Option<View>,
    /// The timeline of a second map beside the first (`c`), if any.
    pub compare: Option<String>,
    /// The year of the second map (`cy`); `None`: the same year as the first.
    pub compare_year: Option<i32>,
    /// The language of the names on the map (`n`).
    pub names: Names,
    /// The compact view for embedding in another page (`embed=1`): the map, the slider and
    /// the legend only.
    pub embed: bool,
    /// The passage a reader beside the map is at (`read`), if one is open.
    pub reading: Option<String>,
}

/// The language of the names of states and regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Names {
    /// English: Germany, Bavaria.
    #[default]
    English,
    /// Their own language: Deutsches Reich, Bayern.
    Local,
}

impl Default for Moment {
    fn default() -> Self {
        Moment {
            timeline: DEFAULT_TIMELINE.to_string(),
            year: DEFAULT_YEAR,
            selection: None,
            view: None,
            compare: None,
            compare_year: None,
            names: Names::English,
            embed: false,
            reading: None,
        }
    }
}

/// Why a value of a link was not used as it stood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    UnknownKey,
    Repeated,
    BadEncoding,
    Empty,
    UnknownTimeline,
    NotAYear,
    YearOutOfRange {
        shown: i32,
    },
    BadId,
    BadView,
    BadNames,
    /// `embed` is neither 1 nor 0.
    BadEmbed,
    /// `c` names the shown timeline and no other year: the same map twice.
    SameMap,
    /// `cy` without a timeline to compare.
    NoComparison,
    ZoomClamped {
        shown: String,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::UnknownKey => write!(f, "not a key of the atlas"),
            Reason::Repeated => write!(f, "given more than once; the first value counts"),
            Reason::BadEncoding => write!(f, "broken percent-encoding"),
            Reason::Empty => write!(f, "empty"),
            Reason::UnknownTimeline => write!(f, "no such timeline"),
            Reason::NotAYear => write!(f, "not a year"),
            Reason::YearOutOfRange { shown } => {
                write!(
                    f,
                    "outside {FIRST_YEAR}–{LAST_YEAR}; showing {shown} instead"
                )
            }
            Reason::BadId => write!(f, "not a region or place id"),
            Reason::BadView => write!(f, "not a view of the form longitude,latitude,zoom"),
            Reason::BadNames => write!(f, "names are 'en' or 'local'"),
            Reason::BadEmbed => write!(f, "embed is 1 (the compact view) or 0"),
            Reason::SameMap => write!(f, "the same timeline in the same year: nothing to compare"),
            Reason::NoComparison => write!(f, "a compared year needs a compared timeline (c)"),
            Reason::ZoomClamped { shown } => write!(f, "zoom out of range; showing {shown}"),
        }
    }
}

/// One value of a link that was ignored or changed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The key as written (decoded), e.g. `y`.
    pub key: String,
    /// The value as written (decoded where possible), shortened if very long.
    pub value: String,
    pub reason: Reason,
}

impl fmt::Display for Ignored {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}: {}", self.key, self.value, self.reason)
    }
}

/// The result of reading a link: the moment to show and what was set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub moment: Moment,
    pub ignored: Vec<Ignored>,
}

impl Moment {
    /// Reads a query string (with or without the leading `?`). `timelines` lists the
    /// timeline ids that exist.
    pub fn parse(query: &str, timelines: &[&str]) -> Parsed {
        let mut moment = Moment::default();
        let mut ignored = Vec::new();
        let mut seen: Vec<&'static str> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(raw_key).unwrap_or_else(|| shorten(raw_key));
            let mut ignore = |value: String, reason: Reason| {
                ignored.push(Ignored {
                    key: shorten(&key),
                    value: shorten(&value),
                    reason,
                })
            };
            let Some(known) = ["t", "y", "c", "cy", "r", "v", "n", "embed", "read"]
                .into_iter()
                .find(|k| *k == key)
            else {
                ignore(raw_value.to_string(), Reason::UnknownKey);
                continue;
            };
            if seen.contains(&known) {
                ignore(raw_value.to_string(), Reason::Repeated);
                continue;
            }
            seen.push(known);
            let Some(value) = decode(raw_value) else {
                ignore(raw_value.to_string(), Reason::BadEncoding);
                continue;
            };
            if value.is_empty() {
                ignore(value, Reason::Empty);
                continue;
            }
            let outcome = match known {
                "t" => parse_timeline(&value, timelines).map(|t| moment.timeline = t),
                "y" => match parse_year(&value) {
                    Ok(y) => {
                        moment.year = y;
                        Ok(())
                    }
                    Err(Reason::YearOutOfRange { shown }) => {
                        moment.year = shown;
                        Err(Reason::YearOutOfRange { shown })
                    }
                    Err(e) => Err(e),
                },
                "c" => parse_timeline(&value, timelines).map(|t| moment.compare = Some(t)),
                "cy" => match parse_year(&value) {
                    Ok(y) => {
                        moment.compare_year = Some(y);
                        Ok(())
                    }
                    Err(Reason::YearOutOfRange { shown }) => {
                        moment.compare_year = Some(shown);
                        Err(Reason::YearOutOfRange { shown })
                    }
                    Err(e) => Err(e),
                },
                "r" => parse_id(&value).map(|id| moment.selection = Some(id)),
                "n" => match value.as_str() {
                    "en" => {
                        moment.names = Names::English;
                        Ok(())
                    }
                    "local" => {
                        moment.names = Names::Local;
                        Ok(())
                    }
                    _ => Err(Reason::BadNames),
                },
                "read" => parse_id(&value).map(|id| moment.reading = Some(id)),
                "embed" => match value.as_str() {
                    "1" => {
                        moment.embed = true;
                        Ok(())
                    }
                    "0" => Ok(()),
                    _ => Err(Reason::BadEmbed),
                },
                _ => match parse_view(&value) {
                    Ok(v) => {
                        moment.view = Some(v);
                        Ok(())
                    }
                    Err((Some(v), reason)) => {
                        moment.view = Some(v);
                        Err(reason)
                    }
                    Err((None, reason)) => Err(reason),
                },
            };
            if let Err(reason) = outcome {
                ignore(value, reason);
            }
        }
        let compared_year = moment.compare_year;
        if let Some(reason) = moment.tidy() {
            let (key, value) = match reason {
                Reason::NoComparison => (
                    "cy",
                    compared_year.map(|y| y.to_string()).unwrap_or_default(),
                ),
                _ => ("c", moment.timeline.clone()),
            };
            ignored.push(Ignored {
                key: key.into(),
                value,
                reason,
            });
        }
        Parsed { moment, ignored }
    }

    /// Sets aside a comparison that shows nothing: a compared year without a compared
    /// timeline, or the shown timeline in the shown year. Says which, if any.
    pub fn tidy(&mut self) -> Option<Reason> {
        match (&self.compare, self.compare_year) {
            (None, Some(_)) => {
                self.compare_year = None;
                Some(Reason::NoComparison)
            }
            (Some(c), y) if *c == self.timeline && y.is_none_or(|y| y == self.year) => {
                self.compare = None;
                self.compare_year = None;
                Some(Reason::SameMap)
            }
            _ => None,
        }
    }

    /// The canonical query, with a leading `?`; keys in the order t, y, c, cy, r, v, n, read,
    /// embed (`n` only for local names, `embed` only for the compact view).
    pub fn to_query(&self) -> String {
        let mut q = format!("?t={}&y={}", encode(&self.timeline), self.year);
        if let Some(c) = &self.compare {
            q.push_str("&c=");
            q.push_str(&encode(c));
        }
        if let Some(cy) = self.compare_year {
            q.push_str(&format!("&cy={cy}"));
        }
        if let Some(r) = &self.selection {
            q.push_str("&r=");
            q.push_str(&encode(r));
        }
        if let Some(v) = &self.view {
            q.push_str(&format!("&v={:.2},{:.2},{:.2}", v.lon, v.lat, v.zoom));
        }
        if self.names == Names::Local {
            q.push_str("&n=local");
        }
        if let Some(p) = &self.reading {
            q.push_str("&read=");
            q.push_str(&encode(p));
        }
        if self.embed {
            q.push_str("&embed=1");
        }
        q
    }
}

/// Checks a timeline id against the known ones.
pub fn parse_timeline(value: &str, timelines: &[&str]) -> Result<String, Reason> {
    if timelines.contains(&value) {
        Ok(value.to_string())
    } else {
        Err(Reason::UnknownTimeline)
    }
}

/// A year of the atlas. A number out of range gives the nearest year in range as `shown`.
pub fn parse_year(value: &str) -> Result<i32, Reason> {
    let digits = value.strip_prefix(['-', '+']).unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Reason::NotAYear);
    }
    let negative = value.starts_with('-');
    // Any run of digits, however long, is a number far before or after the range.
    let year = match value.parse::<i64>() {
        Ok(y) => y,
        Err(_) if negative => i64::MIN,
        Err(_) => i64::MAX,
    };
    if (i64::from(FIRST_YEAR)..=i64::from(LAST_YEAR)).contains(&year) {
        // In range, so it fits an i32.
        Ok(year as i32)
    } else {
        let shown = if year < i64::from(FIRST_YEAR) {
            FIRST_YEAR
        } else {
            LAST_YEAR
        };
        Err(Reason::YearOutOfRange { shown })
    }
}

/// A region or place id: lowercase ASCII letters, digits and single inner hyphens.
pub fn parse_id(value: &str) -> Result<String, Reason> {
    if crate::model::rules::is_id(value) {
        Ok(value.to_string())
    } else {
        Err(Reason::BadId)
    }
}

/// `lon,lat,zoom`. A view whose zoom had to be clamped comes back with the reason.
pub fn parse_view(value: &str) -> Result<View, (Option<View>, Reason)> {
    let numbers: Vec<&str> = value.split(',').collect();
    let [lon, lat, zoom] = numbers[..] else {
        return Err((None, Reason::BadView));
    };
    let number = |s: &str| -> Option<f64> {
        // Plain decimals only: no exponents, no "inf" or "NaN".
        let plain = !s.is_empty()
            && s.len() <= 24
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-' || b == b'+');
        plain.then(|| s.parse::<f64>().ok()).flatten()
    };
    let (Some(lon), Some(lat), Some(zoom)) = (number(lon), number(lat), number(zoom)) else {
        return Err((None, Reason::BadView));
    };
    let view = View::new(lon, lat, zoom).ok_or((None, Reason::BadView))?;
    if (MIN_ZOOM..=MAX_ZOOM).contains(&zoom) {
        Ok(view)
    } else {
        let shown = format!("{:.2}", view.zoom);
        Err((Some(view), Reason::ZoomClamped { shown }))
    }
}

/// Percent-decoding of a query component (`+` is a space). `None` if the encoding is
/// broken or the bytes are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hi = (hex[0] as char).to_digit(16)?;
                let lo = (hex[1] as char).to_digit(16)?;
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Percent-encoding for a query component; ids never need it, but it keeps any text safe.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Long values are cut in the notice so that a pasted essay does not fill the page.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(MAX).collect();
        s.push('…');
        s
    }
}
