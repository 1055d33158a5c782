//! `languages:` in site.yaml: the languages a playbook is translated into besides its own.
//! Each gets its own tree of pages under `/<code>/` (Zola's convention), made from the
//! `<name>.<code>.md` files beside the pages they translate.

use crate::yaml::Spanned;
use serde::Deserialize;

use crate::diagnostic::Position;

/// The language of the pages at the site's root, until site.yaml names one.
pub const DEFAULT_LANGUAGE: &str = "en";

/// One extra language of the site.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// A BCP 47 tag in lowercase (`de`, `fr`, `pt-br`): the folder of its tree, the middle
    /// of its files' names (`head-of-ai.de.md`) and the `lang` of its pages.
    pub code: Spanned<String>,
    /// The site's title in this language; the site's own when left out.
    #[serde(default)]
    pub title: Option<String>,
    /// The site's description in this language; the site's own when left out.
    #[serde(default)]
    pub description: Option<String>,
    /// The language's name in itself, for the language switcher ("Deutsch"); known for
    /// the common languages.
    #[serde(default)]
    pub name: Option<String>,
}

impl Language {
    pub fn code(&self) -> &str {
        &self.code.value
    }

    /// The name the language switcher shows: in the language itself.
    pub fn name(&self) -> &str {
        self.name
            .as_deref()
            .unwrap_or_else(|| own_name(self.code()).unwrap_or(self.code()))
    }
}

/// A language's name in itself, for the common ones.
pub fn own_name(code: &str) -> Option<&'static str> {
    let primary = code.split('-').next().unwrap_or(code);
    Some(match primary {
        "en" => "English",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "nl" => "Nederlands",
        "pt" => "Português",
        "pl" => "Polski",
        "sv" => "Svenska",
        "da" => "Dansk",
        "nb" | "no" => "Norsk",
        "fi" => "Suomi",
        "cs" => "Čeština",
        "ja" => "日本語",
        "zh" => "中文",
        _ => return None,
    })
}

/// A BCP 47 tag as the tree's folder takes it: a 2 or 3 letter language, then subtags of
/// 2 to 8 letters or digits, all lowercase.
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| {
            (2..=8).contains(&p.len())
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The ISO 639-1 codes: a file named `x.<one of these>.md` is read as a translation on a
/// site with languages, and refused when the language is not listed. Other middles
/// (`x.v2.md`, `notes.draft.md`) keep their meaning: part of the file's name.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Whether `code` names a language: an ISO 639-1 code, with or without a region
/// (`pt-br`).
pub fn looks_like_language(code: &str) -> bool {
    is_language_code(code)
        && code
            .split('-')
            .next()
            .is_some_and(|primary| ISO_639_1.split(' ').any(|known| known == primary))
}

/// A problem with `languages:`: where, what, and how to write it.
pub struct Problem {
    pub at: Position,
    pub message: String,
    pub help: String,
}

/// The first problem of `languages`, if any: a code that is not a language tag, a code
/// listed twice, or the site's own language listed as an extra one.
pub fn problem(languages: &[Language], default: &str) -> Option<Problem> {
    let mut seen: Vec<&str> = Vec::new();
    for language in languages {
        let code = language.code();
        let at = crate::yaml::position(language.code.referenced);
        if !is_language_code(code) {
            let lower = code.to_ascii_lowercase().replace('_', "-");
            return Some(Problem {
                at,
                message: format!("`{code}` in `languages` is not a language code"),
                help: if is_language_code(&lower) {
                    format!("write it in lowercase with hyphens: `{lower}`")
                } else {
                    "write a BCP 47 language code in lowercase, e.g. `de`, `fr` or `pt-br`"
                        .to_string()
                },
            });
        }
        if code == default {
            return Some(Problem {
                at,
                message: format!(
                    "`{code}` in `languages` is the site's own language, whose pages are at the root"
                ),
                help: "list only the languages the playbook is translated into".to_string(),
            });
        }
        if seen.contains(&code) {
            return Some(Problem {
                at,
                message: format!("`{code}` appears twice in `languages`"),
                help: "each language may appear once".to_string(),
            });
        }
        seen.push(code);
    }
    None
}

impl super::Config {
    /// The language of the pages at the root of the site.
    pub fn default_language(&self) -> &str {
        self.language()
    }

    /// The extra language `code`, if site.yaml lists it.
    pub fn translation(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code() == code)
    }

    /// The name of the language `code` in itself ("Deutsch"), for the switcher.
    pub fn language_name<'a>(&'a self, code: &'a str) -> &'a str {
        match self.translation(code) {
            Some(language) => language.name(),
            None => own_name(code).unwrap_or(code),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        for ok in ["de", "fr", "pt-br", "zh-hant", "gsw"] {
            assert!(is_language_code(ok), "{ok}");
        }
        for bad in ["", "d", "DE", "de_AT", "deutsch", "de-", "v2"] {
            assert!(!is_language_code(bad), "{bad}");
        }
        assert!(looks_like_language("de") && looks_like_language("pt-br"));
        // The middles of names that are not languages keep meaning part of the name.
        for name in ["v2", "draft", "old", "md", "q3"] {
            assert!(!looks_like_language(name), "{name}");
        }
        assert_eq!(own_name("de-at"), Some("Deutsch"));
    }
}
