//! The sentences Rust writes into pages (the plan's timeline and totals, the staffing
//! summary, the interview kit's default loop, the intake questions' names), in the page's
//! language: each is a message of the theme's `.ftl` files, so a site changes it as it
//! changes any other word.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::content::when::{Quarter, When};
use crate::render::i18n::{Strings, number};

/// The theme's words in one language, for the text made in Rust.
#[derive(Clone, Copy)]
pub struct Wording<'s> {
    strings: &'s Strings,
    lang: &'s str,
}

/// A message's variable: text, or a number written as the language writes numbers.
pub enum Arg<'a> {
    Text(&'a str),
    Number(f64),
}

impl<'s> Wording<'s> {
    pub fn new(strings: &'s Strings, lang: &'s str) -> Self {
        Wording { strings, lang }
    }

    pub fn lang(&self) -> &'s str {
        self.lang
    }

    /// The message `id`.
    pub fn get(&self, id: &str) -> String {
        self.say(id, &[])
    }

    /// The message `id`, its variables filled from `args`. A language file written before
    /// the message existed (a site's own language) gives English's; a theme without even
    /// that, the id, so the page still builds and says which word is missing.
    pub fn say(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(text) => FluentValue::from(text.to_string()),
                Arg::Number(n) => FluentValue::from(*n),
            };
            fluent.set(name.to_string(), value);
        }
        let fluent = (!args.is_empty()).then_some(&fluent);
        self.strings
            .message(self.lang, id, fluent)
            .or_else(|_| self.strings.message("en", id, fluent))
            .unwrap_or_else(|_| id.to_string())
    }

    /// `value` as the language writes numbers: 45,833 (en), 45.833 (de), 45 833 (fr).
    pub fn number(&self, value: f64) -> String {
        number(self.lang, value)
    }

    /// An amount of money, whole units: "EUR 45,833", "45.833 EUR", "45 833 EUR".
    pub fn money(&self, currency: Option<&str>, value: f64) -> String {
        let amount = self.number(value.round());
        match currency {
            Some(currency) => self.say(
                "money",
                &[
                    ("currency", Arg::Text(currency)),
                    ("amount", Arg::Text(&amount)),
                ],
            ),
            None => amount,
        }
    }

    /// A quarter: "2027-Q2" (en), "Q2 2027" (de), "T2 2027" (fr).
    pub fn quarter(&self, quarter: Quarter) -> String {
        // The year as it is written, never grouped (2.027).
        let year = quarter.year.to_string();
        self.say(
            "quarter",
            &[
                ("year", Arg::Text(&year)),
                ("quarter", Arg::Number(f64::from(quarter.quarter))),
            ],
        )
    }

    /// A day, month or quarter in words: "30 June 2027", "June 2027", "2027-Q2".
    pub fn when(&self, when: When) -> String {
        match when {
            When::Day(y, m, d) => self
                .strings
                .long_date(self.lang, (y, m, d))
                .unwrap_or_else(|_| when.to_string()),
            When::Month(y, m) => {
                let month = self.get(&format!("month-{m}"));
                let year = y.to_string();
                self.say(
                    "date-month",
                    &[("month", Arg::Text(&month)), ("year", Arg::Text(&year))],
                )
            }
            When::Quarter(year, quarter) => self.quarter(Quarter { year, quarter }),
        }
    }

    /// "a, b and c" in the language's words.
    pub fn and_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self.say(
                "list-and",
                &[
                    ("init", Arg::Text(&init.join(", "))),
                    ("last", Arg::Text(last)),
                ],
            ),
        }
    }
}
