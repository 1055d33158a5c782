//! What a job post needs from `site.yaml` (the levels and their pay bands, the organization
//! a post introduces, the default pay-transparency jurisdiction), and the value types briefs
//! share with it: pay ranges and where to apply, each with its checks.

use crate::yaml::Spanned;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Position;
use crate::yaml::position;

/// How often pay is counted.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum PayPeriod {
    #[default]
    Year,
    Month,
    Week,
    Day,
    Hour,
}

impl PayPeriod {
    /// "a year", "an hour": after an amount, in a sentence.
    pub fn words(self) -> &'static str {
        match self {
            PayPeriod::Year => "a year",
            PayPeriod::Month => "a month",
            PayPeriod::Week => "a week",
            PayPeriod::Day => "a day",
            PayPeriod::Hour => "an hour",
        }
    }

    /// schema.org's `unitText` of a `QuantitativeValue` (YEAR, MONTH, WEEK, DAY, HOUR).
    pub fn schema_org(self) -> &'static str {
        match self {
            PayPeriod::Year => "YEAR",
            PayPeriod::Month => "MONTH",
            PayPeriod::Week => "WEEK",
            PayPeriod::Day => "DAY",
            PayPeriod::Hour => "HOUR",
        }
    }
}

/// A pay range: `{min, max, currency, period}` (period `year` when left out), on a brief or
/// on a level of site.yaml.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Pay {
    /// The lowest pay offered, gross, in `currency` per `period`.
    #[schemars(with = "f64", range(min = 0))]
    pub min: Spanned<f64>,
    /// The highest pay offered; at least `min`.
    #[schemars(with = "f64", range(min = 0))]
    pub max: Spanned<f64>,
    /// An ISO 4217 code in capitals: EUR, GBP, USD, CHF, SEK...
    #[schemars(with = "String", regex(pattern = r"^[A-Z]{3}$"))]
    pub currency: Spanned<String>,
    /// year (the default), month, week, day or hour.
    #[serde(default)]
    pub period: PayPeriod,
}

/// A problem with a value as written: where, what is wrong, and what would be right.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueProblem {
    pub at: Position,
    pub message: String,
    pub help: String,
}

impl Pay {
    /// What is wrong with the range under `key` (`pay`, `levels.senior.pay`): amounts below
    /// zero, a minimum above the maximum, a currency that is not an ISO 4217 code.
    pub fn problems(&self, key: &str) -> Vec<ValueProblem> {
        let mut problems = Vec::new();
        for (name, amount) in [("min", &self.min), ("max", &self.max)] {
            if !amount.value.is_finite() || amount.value < 0.0 {
                problems.push(ValueProblem {
                    at: position(amount.referenced),
                    message: format!("`{key}.{name}` is {}", amount.value),
                    help: "pay is an amount of 0 or more, e.g. `72000`".into(),
                });
            }
        }
        if self.min.value > self.max.value {
            problems.push(ValueProblem {
                at: position(self.max.referenced),
                message: format!(
                    "`{key}.max` ({}) is below `{key}.min` ({})",
                    amount(self.max.value),
                    amount(self.min.value)
                ),
                help: "the range runs from `min` up to `max`: swap them, or raise `max`".into(),
            });
        }
        let code = &self.currency.value;
        if !(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
            let close = currency_for(code);
            problems.push(ValueProblem {
                at: position(self.currency.referenced),
                message: format!("`{key}.currency` is `{code}`, not an ISO 4217 code"),
                help: match close {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => {
                        "write the three capital letters of the currency: EUR, GBP, USD, CHF..."
                            .into()
                    }
                },
            });
        }
        problems
    }

    /// The range in words: "EUR 72,000–88,000 a year", or "EUR 80,000 a year" when
    /// `min` and `max` agree.
    pub fn words(&self) -> String {
        let (min, max) = (amount(self.min.value), amount(self.max.value));
        let range = if min == max {
            min
        } else {
            format!("{min}–{max}")
        };
        format!("{} {range} {}", self.currency.value, self.period.words())
    }
}

/// An amount with thousands separated by commas, and cents only when it has them.
pub fn amount(value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    let whole = cents / 100;
    let digits = whole.abs().to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if whole < 0 {
        grouped.insert(0, '-');
    }
    match cents.abs() % 100 {
        0 => grouped,
        rest => format!("{grouped}.{rest:02}"),
    }
}

/// The ISO code a common way of naming a currency stands for.
fn currency_for(written: &str) -> Option<String> {
    let lower = written.trim().to_lowercase();
    let code = match lower.as_str() {
        "€" | "euro" | "euros" => "EUR",
        "£" | "pound" | "pounds" => "GBP",
        "$" | "us$" | "dollar" | "dollars" => "USD",
        "franc" | "francs" => "CHF",
        _ if lower.len() == 3 && lower.chars().all(|c| c.is_ascii_alphabetic()) => {
            return Some(lower.to_uppercase());
        }
        _ => return None,
    };
    Some(code.to_string())
}

/// Where a candidate applies: a web address or an email address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "address", rename_all = "lowercase")]
pub enum ApplyTarget {
    Url(String),
    Email(String),
}

impl ApplyTarget {
    /// `text` as a place to apply: an `https://` or `http://` address, or an email address
    /// (with or without `mailto:`). The error says what it is not.
    pub fn parse(text: &str) -> Result<ApplyTarget, String> {
        let text = text.trim();
        if let Some(rest) = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"))
        {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host_ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || ".-:[]".contains(c));
            if host_ok && !text.chars().any(|c| c.is_whitespace() || c.is_control()) {
                return Ok(ApplyTarget::Url(text.to_string()));
            }
            return Err("a web address with a host and no spaces".into());
        }
        let address = text.strip_prefix("mailto:").unwrap_or(text);
        if is_email(address) {
            return Ok(ApplyTarget::Email(address.to_string()));
        }
        Err(if text.contains("://") || text.contains(':') {
            "an `https://` address or an email address".into()
        } else {
            "a web address starting with `https://`, or an email address such as `jobs@example.com`"
                .into()
        })
    }

    /// The link to follow: the address, or `mailto:` and the email address.
    pub fn href(&self) -> String {
        match self {
            ApplyTarget::Url(url) => url.clone(),
            ApplyTarget::Email(email) => format!("mailto:{email}"),
        }
    }

    /// The address as shown.
    pub fn text(&self) -> &str {
        match self {
            ApplyTarget::Url(text) | ApplyTarget::Email(text) => text,
        }
    }
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || "._%+-'".contains(c);
    !local.is_empty()
        && local.chars().all(allowed)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

/// The problem with an address written under `key`, if it is not a place to apply.
pub fn apply_problem(key: &str, value: &Spanned<String>) -> Option<ValueProblem> {
    let expected = ApplyTarget::parse(&value.value).err()?;
    Some(ValueProblem {
        at: position(value.referenced),
        message: format!("`{key}` is `{}`, not a place to apply", value.value),
        help: format!("write {expected}"),
    })
}

/// A level of site.yaml's `levels:` vocabulary: a brief's `level` names its key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub key: Spanned<String>,
    /// As a job post says it: "Senior", "Lead", "Principal".
    pub title: String,
    /// The pay band of the level: a brief without `pay` posts this range.
    #[serde(default)]
    pub pay: Option<Pay>,
}

/// `organization:` in site.yaml: who a job post says is hiring.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    /// The organization's public web address.
    #[serde(default)]
    pub url: Option<Spanned<String>>,
    /// A paragraph or two about the organization, for "About us" (blank lines part them).
    #[serde(default)]
    pub about: Option<String>,
    /// What the organization offers besides pay, one item each.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// The equal-opportunity statement every post ends with.
    #[serde(default)]
    pub equal_opportunity: Option<String>,
    /// Where to apply when a brief's `posting.apply` does not say: a web address or an
    /// email address.
    #[serde(default)]
    pub apply: Option<Spanned<String>>,
}

/// The pay-transparency law a site's postings are written under by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Jurisdiction {
    /// No pay-transparency rule is assumed (the default).
    #[default]
    None,
    /// EU Pay Transparency Directive 2023/970: a range before the interview.
    Eu,
    /// New York City and State: a range in the posting.
    UsNy,
    /// California: a range in the posting.
    UsCa,
    /// Colorado: a range and benefits in the posting.
    UsCo,
    /// Washington: a range and benefits in the posting.
    UsWa,
    /// Illinois: a range and benefits in the posting.
    UsIl,
}

/// `pay_transparency:` in site.yaml.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PayTransparency {
    /// The jurisdiction whose rules apply to the site's postings by default.
    #[serde(default)]
    pub jurisdiction: Jurisdiction,
}

impl Jurisdiction {
    /// The law that asks a job post (or the employer before the interview) for a pay range,
    /// and bans asking a candidate for their pay history; `None` for `none`.
    pub fn pay_law(self) -> Option<&'static str> {
        Some(match self {
            Jurisdiction::None => return None,
            Jurisdiction::Eu => {
                "EU Pay Transparency Directive 2023/970, Art. 5: a pay range before the interview, and no question about pay history (Art. 5(2))"
            }
            Jurisdiction::UsNy => {
                "New York Labor Law § 194-b (and New York City's Local Law 32 of 2022): a pay range in the posting; § 194-a bans questions about salary history"
            }
            Jurisdiction::UsCa => {
                "California Labor Code § 432.3: a pay range in the posting, and no question about salary history"
            }
            Jurisdiction::UsCo => {
                "Colorado's Equal Pay for Equal Work Act: a pay range and benefits in the posting, and no question about wage history"
            }
            Jurisdiction::UsWa => {
                "Washington's Equal Pay and Opportunities Act: a pay range and benefits in the posting (RCW 49.58.110), and no question about wage history (RCW 49.58.100)"
            }
            Jurisdiction::UsIl => {
                "Illinois Equal Pay Act of 2003, as amended (pay scale from 2025): a pay range and benefits in the posting, and no question about wage or salary history"
            }
        })
    }
}

/// `postings:` in site.yaml: what job posts publish besides their text.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Postings {
    /// Put schema.org `JobPosting` data (JSON-LD) in each open brief's posting page, for a
    /// site that is a job board. Off by default: an internal playbook is not one, and
    /// `jobs.json` carries the same data either way.
    #[serde(default)]
    pub json_ld: bool,
}

/// The problems of the posting sections of site.yaml: level keys, pay bands, addresses.
pub(super) fn problems(levels: &[Level], organization: Option<&Organization>) -> Vec<ValueProblem> {
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for level in levels {
        let key = &level.key.value;
        let at = position(level.key.referenced);
        if !crate::slug::is_valid_slug(key) {
            problems.push(ValueProblem {
                at,
                message: format!("`{key}` in `levels` is not a valid key"),
                help: "use lowercase letters, digits and hyphens, e.g. `senior`".into(),
            });
        } else if !seen.insert(key.as_str()) {
            problems.push(ValueProblem {
                at,
                message: format!("`{key}` appears twice in `levels`"),
                help: "each key may appear once".into(),
            });
        }
        if let Some(pay) = &level.pay {
            problems.extend(pay.problems(&format!("levels.{key}.pay")));
        }
    }
    if let Some(organization) = organization {
        if let Some(url) = &organization.url
            && !matches!(ApplyTarget::parse(&url.value), Ok(ApplyTarget::Url(_)))
        {
            problems.push(ValueProblem {
                at: position(url.referenced),
                message: format!("`organization.url` is `{}`, not a web address", url.value),
                help: "write an address starting with `https://`".into(),
            });
        }
        if let Some(apply) = &organization.apply {
            problems.extend(apply_problem("organization.apply", apply));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_group_thousands_and_keep_cents_only_when_there_are_some() {
        for (value, text) in [
            (72000.0, "72,000"),
            (1234567.0, "1,234,567"),
            (950.0, "950"),
            (32.5, "32.50"),
            (0.0, "0"),
        ] {
            assert_eq!(amount(value), text);
        }
    }

    #[test]
    fn apply_targets_are_web_or_email_addresses() {
        let cases = [
            ("https://careers.example.com/jobs/42", true),
            ("http://jobs.example.com", true),
            ("jobs@example.com", true),
            ("mailto:jobs@example.com", true),
            ("first.last+ai@example.co.uk", true),
            ("careers.example.com", false),
            ("https://", false),
            ("https://exa mple.com", false),
            ("javascript:alert(1)", false),
            ("jobs@example", false),
            ("Send your CV to HR", false),
        ];
        for (text, ok) in cases {
            assert_eq!(ApplyTarget::parse(text).is_ok(), ok, "{text}");
        }
        assert_eq!(
            ApplyTarget::parse("mailto:jobs@example.com")
                .map(|t| t.href())
                .ok()
                .as_deref(),
            Some("mailto:jobs@example.com")
        );
    }

    #[test]
    fn currencies_suggest_their_code() {
        assert_eq!(currency_for("euro").as_deref(), Some("EUR"));
        assert_eq!(currency_for("€").as_deref(), Some("EUR"));
        assert_eq!(currency_for("eur").as_deref(), Some("EUR"));
        assert_eq!(currency_for("Swiss money"), None);
    }
}
