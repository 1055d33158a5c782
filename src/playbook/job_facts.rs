//! What a job post means to other software, judged from a brief alone: whether the brief
//! is a job being hired for, and a place as written read as town, region and country. The
//! lints and the job data files (`render::jobs`) share these.

use crate::content::role::{Role, Status};

/// Whether `role` is being hired, so its post is published as data: `status: open`, on a
/// site that is a company's plan (a library of archetypes has no open searches).
pub fn is_open(config: &crate::config::Config, role: &Role) -> bool {
    !config.archetypes_only && role.front.status == Status::Open
}

/// A place as written (`Hamburg, Germany`; `Austin, Texas, USA`): its town, region and
/// country. The last part is the country, the first the town; one part is a town alone
/// (`posting-incomplete` asks for the country).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place<'a> {
    pub locality: &'a str,
    pub region: Option<String>,
    pub country: Option<&'a str>,
}

pub fn place(text: &str) -> Place<'_> {
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [] => Place {
            locality: text.trim(),
            region: None,
            country: None,
        },
        [one] => Place {
            locality: one,
            region: None,
            country: None,
        },
        [town, middle @ .., country] => Place {
            locality: town,
            region: (!middle.is_empty()).then(|| middle.join(", ")),
            country: Some(country),
        },
    }
}

/// The ISO 3166-1 alpha-2 code of a country as people write it ("Germany", "USA", "the
/// United Kingdom", "DE"), which ATS imports and search engines ask for; `None` when the
/// name is not a country's.
pub fn country_code(name: &str) -> Option<String> {
    let key: String = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    let key = key
        .strip_prefix("the")
        .filter(|k| k.len() > 2)
        .unwrap_or(&key);
    // ISO reserves "UK" for the United Kingdom (its code is GB); people write it.
    let key = if key == "uk" { "gb" } else { key };
    // Numeric codes are not names: "276" is no place a brief means.
    (!key.is_empty())
        .then(|| key.parse::<celes::Country>().ok())
        .flatten()
        .map(|c| c.alpha2.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_as_people_write_them_have_their_iso_code() {
        for (name, code) in [
            ("Germany", Some("DE")),
            ("germany", Some("DE")),
            ("USA", Some("US")),
            ("United States", Some("US")),
            ("the United Kingdom", Some("GB")),
            ("UK", Some("GB")),
            ("Netherlands", Some("NL")),
            ("DE", Some("DE")),
            ("Hamburg", None),
            ("276", None),
            ("", None),
        ] {
            assert_eq!(country_code(name).as_deref(), code, "{name}");
        }
    }

    #[test]
    fn places_read_town_region_and_country() {
        assert_eq!(
            place("Hamburg, Germany"),
            Place {
                locality: "Hamburg",
                region: None,
                country: Some("Germany")
            }
        );
        assert_eq!(
            place("Austin, Texas, USA"),
            Place {
                locality: "Austin",
                region: Some("Texas".into()),
                country: Some("USA")
            }
        );
        assert_eq!(place("Hamburg").country, None);
    }
}
