//! The dates of a team plan: a day (`2027-03-15`), a month (`2027-03`) or a quarter
//! (`2027-Q2`). A plan is rarely surer than a quarter, so each value keeps the precision it
//! was written with, and comparisons use its first or last day.

use serde::Serialize;

use crate::content::role::parse_date;

/// A plan date as written: a day, a month or a quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Day(i32, u32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
}

/// A calendar quarter: (year, 1..=4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Quarter {
    pub year: i32,
    pub quarter: u32,
}

impl Quarter {
    /// `2027-Q2`.
    pub fn label(self) -> String {
        format!("{}-Q{}", self.year, self.quarter)
    }

    /// The next quarter.
    pub fn next(self) -> Quarter {
        if self.quarter == 4 {
            Quarter {
                year: self.year + 1,
                quarter: 1,
            }
        } else {
            Quarter {
                year: self.year,
                quarter: self.quarter + 1,
            }
        }
    }

    /// The months of the quarter, as (year, month).
    pub fn months(self) -> [(i32, u32); 3] {
        let first = (self.quarter - 1) * 3 + 1;
        [0, 1, 2].map(|i| (self.year, first + i))
    }
}

/// What a date field takes, for messages.
pub const MONTH_OR_QUARTER: &str =
    "a month `YYYY-MM` (`2027-03`) or a quarter `YYYY-Qn` (`2027-Q2`)";
pub const DAY_MONTH_OR_QUARTER: &str =
    "a day `YYYY-MM-DD`, a month `YYYY-MM` (`2027-03`) or a quarter `YYYY-Qn` (`2027-Q2`)";

impl When {
    /// `2027-03-15`, `2027-03` or `2027-Q2` (`q` in either case); `None` for anything else.
    pub fn parse(text: &str) -> Option<When> {
        let text = text.trim();
        if let Some((y, m, d)) = parse_date(text) {
            return Some(When::Day(y, m, d));
        }
        let (year, rest) = text.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year.parse().ok()?;
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            let quarter: u32 = (q.len() == 1).then(|| q.parse().ok()).flatten()?;
            return (1..=4)
                .contains(&quarter)
                .then_some(When::Quarter(year, quarter));
        }
        if rest.len() != 2 || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let month: u32 = rest.parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(When::Month(year, month))
    }

    /// A month or a quarter only (a hire's target start), else `None`.
    pub fn parse_month_or_quarter(text: &str) -> Option<When> {
        When::parse(text).filter(|w| !matches!(w, When::Day(..)))
    }

    /// The first day it can mean.
    pub fn first_day(self) -> (i32, u32, u32) {
        match self {
            When::Day(y, m, d) => (y, m, d),
            When::Month(y, m) => (y, m, 1),
            When::Quarter(y, q) => (y, (q - 1) * 3 + 1, 1),
        }
    }

    /// The last day it can mean.
    pub fn last_day(self) -> (i32, u32, u32) {
        match self {
            When::Day(y, m, d) => (y, m, d),
            When::Month(y, m) => (y, m, days_in(y, m)),
            When::Quarter(y, q) => {
                let m = q * 3;
                (y, m, days_in(y, m))
            }
        }
    }

    /// The month it starts in.
    pub fn first_month(self) -> (i32, u32) {
        let (y, m, _) = self.first_day();
        (y, m)
    }

    /// The quarter it starts in.
    pub fn quarter(self) -> Quarter {
        let (year, month, _) = self.first_day();
        Quarter {
            year,
            quarter: (month - 1) / 3 + 1,
        }
    }

    /// Whether it surely ends before `other` begins (the day after its last day is at the
    /// latest `other`'s first day would be contiguous, not before).
    pub fn ends_before(self, other: When) -> bool {
        self.last_day() < other.first_day()
    }

    /// Whether there are days between its end and `other`'s start: cover until March and a
    /// hire in April leave none; cover until February and a hire in April leave March.
    pub fn leaves_gap_before(self, other: When) -> bool {
        next_day(self.last_day()) < other.first_day()
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            When::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            When::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
        }
    }
}

fn days_in(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn next_day((y, m, d): (i32, u32, u32)) -> (i32, u32, u32) {
    if d < days_in(y, m) {
        (y, m, d + 1)
    } else if m < 12 {
        (y, m + 1, 1)
    } else {
        (y + 1, 1, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_months_and_quarters_parse_and_others_do_not() {
        let cases = [
            ("2027-03-15", Some(When::Day(2027, 3, 15))),
            ("2027-03", Some(When::Month(2027, 3))),
            ("2027-Q2", Some(When::Quarter(2027, 2))),
            ("2027-q4", Some(When::Quarter(2027, 4))),
            (" 2027-12 ", Some(When::Month(2027, 12))),
            ("2027-Q5", None),
            ("2027-Q0", None),
            ("2027-13", None),
            ("2027-3", None),
            ("Q2 2027", None),
            ("spring 2027", None),
            ("2027", None),
            ("27-03", None),
            ("2027-02-30", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(When::parse(text), expected, "{text:?}");
        }
        assert_eq!(When::parse_month_or_quarter("2027-03-15"), None);
    }

    #[test]
    fn comparisons_use_the_first_and_last_day() {
        let p = |t: &str| When::parse(t).expect(t);
        assert_eq!(p("2027-Q2").first_day(), (2027, 4, 1));
        assert_eq!(p("2027-Q1").last_day(), (2027, 3, 31));
        assert_eq!(p("2028-02").last_day(), (2028, 2, 29));
        assert_eq!(p("2027-05").quarter().label(), "2027-Q2");
        // Out of order only when one surely ends before the other begins.
        assert!(p("2027-03").ends_before(p("2027-04")));
        assert!(p("2027-Q1").ends_before(p("2027-04")));
        assert!(!p("2027-Q2").ends_before(p("2027-05")), "May is in Q2");
        assert!(!p("2027-04").ends_before(p("2027-04")));
        // Cover to the end of March and a hire on 1 April leave no gap.
        assert!(!p("2027-03").leaves_gap_before(p("2027-04")));
        assert!(!p("2027-03-31").leaves_gap_before(p("2027-Q2")));
        assert!(p("2027-02").leaves_gap_before(p("2027-04")));
        assert!(p("2027-12-30").leaves_gap_before(p("2028-01")));
        assert!(!p("2027-12").leaves_gap_before(p("2028-01")));
        assert_eq!(
            Quarter {
                year: 2027,
                quarter: 4
            }
            .next()
            .label(),
            "2028-Q1"
        );
    }
}
