//! Dates of the atlas, and the rule for what a year on the slider stands for.
//!
//! The rule, used everywhere (map, command line, tests): **a year `Y` stands for
//! 31 December of `Y`**, the state of things at the end of that year. The atlas covers
//! the days from the armistice, 1918-11-11, to 1941-12-31.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The first year on the slider.
pub const FIRST_YEAR: i32 = 1918;
/// The last year on the slider.
pub const LAST_YEAR: i32 = 1941;

/// A calendar day (proleptic Gregorian), ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format(String),
    /// Well formed, but no such day (for example 1923-02-30).
    NoSuchDay(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(s) => write!(f, "'{s}' is not a date of the form YYYY-MM-DD"),
            DateError::NoSuchDay(s) => write!(f, "'{s}' is not a day of the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

impl Date {
    /// The armistice: the first day the atlas knows.
    pub const START: Date = Date::new_unchecked(1918, 11, 11);
    /// The last day the atlas knows.
    pub const END: Date = Date::new_unchecked(1941, 12, 31);

    const fn new_unchecked(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// A date, if that day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) {
            Some(Date { year, month, day })
        } else {
            None
        }
    }

    /// The day before.
    pub fn previous(self) -> Date {
        if self.day > 1 {
            Date::new_unchecked(self.year, self.month, self.day - 1)
        } else if self.month > 1 {
            let m = self.month - 1;
            Date::new_unchecked(self.year, m, days_in_month(self.year, m))
        } else {
            Date::new_unchecked(self.year - 1, 12, 31)
        }
    }

    /// The day a year on the slider stands for: 31 December of that year.
    pub fn for_year(year: i32) -> Date {
        Date::new_unchecked(year, 12, 31)
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || DateError::Format(text.to_string());
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(bad());
        }
        let (Ok(year), Ok(month), Ok(day)) = (y.parse(), m.parse(), d.parse()) else {
            return Err(bad());
        };
        Date::new(year, month, day).ok_or_else(|| DateError::NoSuchDay(text.to_string()))
    }

    /// "December".
    pub fn month_name(&self) -> &'static str {
        MONTH_NAMES[usize::from(self.month.clamp(1, 12) - 1)]
    }

    /// "31 December 1925": how the page shows a date.
    pub fn long(&self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_stands_for_its_last_day() {
        assert_eq!(Date::for_year(1925).to_string(), "1925-12-31");
        assert_eq!(Date::for_year(1930).long(), "31 December 1930");
    }

    #[test]
    fn parses_real_days_and_rejects_others() {
        assert_eq!(
            Date::parse("1920-01-10"),
            Ok(Date::new(1920, 1, 10).unwrap())
        );
        assert_eq!(Date::parse("1924-02-29").map(|d| d.day), Ok(29));
        assert!(matches!(
            Date::parse("1923-02-29"),
            Err(DateError::NoSuchDay(_))
        ));
        for bad in [
            "",
            "1923",
            "1923-1-10",
            "1923-01-10-",
            "19x3-01-10",
            "+923-01-10",
            "1923-13-01",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn the_day_before_crosses_months_years_and_leap_days() {
        let d = |t: &str| Date::parse(t).unwrap();
        assert_eq!(d("1920-03-01").previous(), d("1920-02-29"));
        assert_eq!(d("1921-03-01").previous(), d("1921-02-28"));
        assert_eq!(d("1939-01-01").previous(), d("1938-12-31"));
        assert_eq!(d("1939-09-17").previous(), d("1939-09-16"));
    }

    #[test]
    fn dates_order_by_time() {
        assert!(Date::START < Date::parse("1918-11-12").unwrap());
        assert!(Date::parse("1939-09-01").unwrap() < Date::END);
    }
}
