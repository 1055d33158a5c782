//! The theme's words in each language: Fluent files, `i18n/<lang>.ftl`, of the built-in
//! theme, then of the site's theme folder, then of the site's own `i18n/`, each message
//! overriding the one before. Templates ask for a word with `t(key=…)` in the language of
//! the page's `lang`; numbers and dates are written the way that language writes them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::memoizer::MemoizerKind;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use intl_memoizer::concurrent::IntlLangMemoizer;
use unic_langid::LanguageIdentifier;

use crate::config::Config;
use crate::config::posting::Pay;
use crate::content::role::{EmploymentType, WorkModel};
use crate::diagnostic::{Diagnostic, Diagnostics, Position, display_path, position_of};
use crate::render::theme::Theme;

/// The folder of a theme (and of a site) that holds the `.ftl` files.
pub const I18N_DIR: &str = "i18n";

type Bundle = fluent_bundle::concurrent::FluentBundle<Arc<FluentResource>>;

/// One language's messages: the bundle and the files it was read from.
struct Language {
    bundle: Bundle,
    files: Vec<PathBuf>,
    /// The ids of its messages (the bundle does not list them).
    ids: BTreeSet<String>,
}

/// Every language the theme (with the site's additions) has words for.
pub struct Strings {
    /// By the `.ftl` file's name: `de`, `pt-br` (lowercase).
    languages: BTreeMap<String, Language>,
    /// Each file read and its text, in order, to tell whether a rebuild reads other words.
    read: Vec<(PathBuf, Vec<u8>)>,
}

impl Strings {
    /// The built-in theme's `.ftl` files, then those of `theme` when it is a folder, then
    /// the site's `i18n/`: a later file's message replaces an earlier one of the same id, so
    /// a site or theme changes one word without copying the rest.
    pub fn load(root: &Path, theme: &Theme) -> Result<Strings, Diagnostics> {
        let mut sources = vec![Theme::BuiltIn];
        if let Theme::Folder(_) = theme {
            sources.push(theme.clone());
        }
        sources.push(Theme::Folder(root.to_path_buf()));
        let mut strings = Strings {
            languages: BTreeMap::new(),
            read: Vec::new(),
        };
        let mut problems = Diagnostics::default();
        for source in &sources {
            let files = match source.files(root, I18N_DIR) {
                Ok(files) => files,
                Err(error) => {
                    problems.push(Diagnostic::new(
                        I18N_DIR,
                        Position::START,
                        format!("cannot read the theme's strings: {error}"),
                    ));
                    continue;
                }
            };
            for file in files {
                if let Err(problem) = strings.add(&file.name, file.shown_as, file.bytes.to_vec()) {
                    problems.push(*problem);
                }
            }
        }
        if problems.is_empty() {
            Ok(strings)
        } else {
            Err(problems)
        }
    }

    /// Strings from `(language, text)` pairs, for tests.
    #[cfg(test)]
    pub fn from_texts(texts: &[(&str, &str)]) -> Result<Strings, Box<Diagnostic>> {
        let mut strings = Strings {
            languages: BTreeMap::new(),
            read: Vec::new(),
        };
        for (lang, text) in texts {
            strings.add(
                &format!("{lang}.ftl"),
                PathBuf::from(format!("i18n/{lang}.ftl")),
                text.as_bytes().to_vec(),
            )?;
        }
        Ok(strings)
    }

    /// Whether `self` and `other` were read from the same files with the same text.
    pub fn same_as(&self, other: &Strings) -> bool {
        self.read == other.read
    }

    fn add(
        &mut self,
        name: &str,
        shown_as: PathBuf,
        bytes: Vec<u8>,
    ) -> Result<(), Box<Diagnostic>> {
        self.read.push((shown_as.clone(), bytes.clone()));
        // Other files (a README, a translator's notes) may sit beside the `.ftl` files.
        let Some(lang) = name.strip_suffix(".ftl") else {
            return Ok(());
        };
        let fail = |at: Position, message: String, help: &str, text: Option<&str>| {
            let d = Diagnostic::new(&shown_as, at, message).with_help(help);
            Box::new(match text {
                Some(text) => d.with_source(Arc::from(text)),
                None => d,
            })
        };
        let id: LanguageIdentifier = match lang.parse() {
            Ok(id) if !lang.contains(['/', '\\', '_']) => id,
            _ => {
                return Err(fail(
                    Position::START,
                    format!("`{name}` is not named after a language"),
                    "name each file by its BCP 47 language code: `de.ftl`, `fr.ftl`, `pt-BR.ftl`",
                    None,
                ));
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            return Err(fail(
                Position::START,
                "the strings file is not valid UTF-8".into(),
                "save it as UTF-8",
                None,
            ));
        };
        let resource = match FluentResource::try_new(text) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                let text = resource.source();
                let first = &errors[0];
                return Err(fail(
                    position_of(text, first.pos.start),
                    format!("cannot read this Fluent message: {}", first.kind),
                    "write each message as `id = text` on its own line (Fluent syntax: \
                     https://projectfluent.org/fluent/guide/); go on to a new line with an \
                     indent",
                    Some(text),
                ));
            }
        };
        let mut seen = BTreeSet::new();
        for (id_text, offset) in message_ids(&resource) {
            if !seen.insert(id_text) {
                let text = resource.source();
                return Err(fail(
                    position_of(text, offset),
                    format!("the message `{id_text}` is written twice in this file"),
                    "keep one of them",
                    Some(text),
                ));
            }
        }
        let key = lang.to_ascii_lowercase();
        let language = self.languages.entry(key).or_insert_with(|| {
            let mut bundle = Bundle::new_concurrent(vec![id]);
            // The words go into HTML, Markdown and plain text, where the isolation marks
            // Fluent puts around each placeable are invisible characters that get copied.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(format_value));
            Language {
                bundle,
                files: Vec::new(),
                ids: BTreeSet::new(),
            }
        });
        language.ids.extend(
            message_ids(&resource)
                .into_iter()
                .map(|(id, _)| id.to_string()),
        );
        language.bundle.add_resource_overriding(Arc::new(resource));
        language.files.push(shown_as);
        Ok(())
    }

    /// The languages there are words for, as their files name them (`de`, `en`, `fr`).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.languages.keys().map(String::as_str)
    }

    /// The words for `lang` (`de-CH`): its own file's, else its language's (`de`).
    fn language(&self, lang: &str) -> Option<&Language> {
        in_language(&self.languages, lang)
    }

    /// Whether there are words for `lang`.
    pub fn has_language(&self, lang: &str) -> bool {
        self.language(lang).is_some()
    }

    /// Every message that takes no variables, formatted once, by language (as the files
    /// name them, in lower case) and id: a page asks for some 200 of them, and formatting
    /// each anew was an eighth of a build's time.
    fn fixed_messages(&self) -> BTreeMap<String, HashMap<String, tera::Value>> {
        self.languages
            .iter()
            .map(|(code, language)| {
                let fixed = language
                    .ids
                    .iter()
                    .filter_map(|id| {
                        let pattern = language.bundle.get_message(id)?.value()?;
                        let mut errors = Vec::new();
                        let text = language.bundle.format_pattern(pattern, None, &mut errors);
                        errors
                            .is_empty()
                            .then(|| (id.clone(), tera::Value::from(text.as_ref())))
                    })
                    .collect();
                (code.clone(), fixed)
            })
            .collect()
    }

    /// The message `id` in `lang`, its variables filled from `args`.
    pub fn message(
        &self,
        lang: &str,
        id: &str,
        args: Option<&FluentArgs>,
    ) -> Result<String, String> {
        let Some(language) = self.language(lang) else {
            return Err(format!(
                "no strings in the language `{lang}` (the theme has {})",
                self.languages().collect::<Vec<_>>().join(", ")
            ));
        };
        let files = || {
            language
                .files
                .iter()
                .map(|f| display_path(f))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let Some(pattern) = language.bundle.get_message(id).and_then(|m| m.value()) else {
            return Err(format!("no message `{id}` in {}", files()));
        };
        let mut errors = Vec::new();
        let text = language.bundle.format_pattern(pattern, args, &mut errors);
        match errors.first() {
            None => Ok(text.into_owned()),
            Some(error) => Err(format!("the message `{id}` in {}: {error}", files())),
        }
    }

    /// The message `id` in `lang`, or `fallback` when the language lacks it (a theme's
    /// own language that predates the message).
    pub fn message_or(&self, lang: &str, id: &str, fallback: &str) -> String {
        self.message(lang, id, None)
            .unwrap_or_else(|_| fallback.to_string())
    }

    /// The message ids of the language `lang` (its files together), for the check that
    /// every language has the messages English has.
    pub fn message_ids(&self, lang: &str) -> BTreeSet<String> {
        self.languages
            .get(lang)
            .map(|l| l.ids.clone())
            .unwrap_or_default()
    }

    /// `value` written as `lang` writes numbers: 1,234.5 (en), 1.234,5 (de), 1 234,5 (fr).
    pub fn number(&self, lang: &str, value: f64) -> String {
        number(lang, value)
    }

    /// "1 December 2026", "1. Dezember 2026", "1er décembre 2026": the day in the words of
    /// the language's `date-long` and `month-N` messages.
    pub fn long_date(
        &self,
        lang: &str,
        (year, month, day): (i32, u32, u32),
    ) -> Result<String, String> {
        let month_name = self.message(lang, &format!("month-{month}"), None)?;
        let mut args = FluentArgs::new();
        args.set("day", FluentValue::from(day));
        args.set("month", FluentValue::from(month_name));
        // The year as it is written, never grouped (2,026).
        args.set("year", FluentValue::from(year.to_string()));
        self.message(lang, "date-long", Some(&args))
    }

    /// The words a job post uses in `lang`.
    pub fn posting_words<'s>(&'s self, lang: &'s str) -> PostingWords<'s> {
        PostingWords {
            strings: self,
            lang,
        }
    }

    /// An error at site.yaml's `language` when the theme has no words in that language.
    pub fn check_language(&self, config: &Config) -> Result<(), Box<Diagnostic>> {
        let lang = config.language();
        if self.has_language(lang) {
            return Ok(());
        }
        let shipped: Vec<&str> = self.languages().collect();
        let help = match near_language(lang, &shipped) {
            Some(close) => format!(
                "did you mean `{close}`? The theme has words in {}; to add a language, write \
                 i18n/{lang}.ftl in the site with every message of the theme's en.ftl",
                shipped.join(", ")
            ),
            None => format!(
                "the theme has words in {}; to add a language, write i18n/{lang}.ftl in the \
                 site with every message of the theme's en.ftl",
                shipped.join(", ")
            ),
        };
        let mut d = Diagnostic::new(
            crate::config::CONFIG_FILE,
            config.value_position("language"),
            format!("`language` is `{lang}`, a language the theme has no words for"),
        )
        .with_help(help);
        if let Some(source) = &config.source {
            d = d.with_source(source.clone());
        }
        Err(Box::new(d))
    }
}

/// Each message's id and where it starts in its file.
fn message_ids(resource: &FluentResource) -> Vec<(&str, usize)> {
    use fluent_syntax::ast::Entry;
    let source = resource.source();
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(m) => Some(m.id.name),
            _ => None,
        })
        .map(|id| {
            // The id is a slice of the source: its offset is where it starts.
            let offset = (id.as_ptr() as usize).saturating_sub(source.as_ptr() as usize);
            (id, offset)
        })
        .collect()
}

/// The language the writer of `wrong` most likely meant, of `available`: the same code in
/// other case, the language of a regional code (`de-AT` → `de`), a country code or a
/// language's name written for its code (`ge`, `german`, `deu` → `de`), or a close spelling.
pub fn near_language<'a>(wrong: &str, available: &[&'a str]) -> Option<&'a str> {
    let lower = wrong.trim().to_lowercase().replace('_', "-");
    let find = |code: &str| {
        available
            .iter()
            .copied()
            .find(|a| a.eq_ignore_ascii_case(code))
    };
    if let Some(same) = find(&lower) {
        return Some(same);
    }
    if let Some(primary) = lower.split('-').next()
        && let Some(found) = find(primary)
    {
        return Some(found);
    }
    const WRITTEN_FOR: &[(&str, &str)] = &[
        ("ge", "de"),
        ("ger", "de"),
        ("deu", "de"),
        ("german", "de"),
        ("deutsch", "de"),
        ("at", "de"),
        ("ch", "de"),
        ("fra", "fr"),
        ("fre", "fr"),
        ("french", "fr"),
        ("francais", "fr"),
        ("français", "fr"),
        ("eng", "en"),
        ("english", "en"),
        ("gb", "en"),
        ("uk", "en"),
        ("us", "en"),
        ("dk", "da"),
        ("se", "sv"),
        ("jp", "ja"),
        ("cz", "cs"),
        ("gr", "el"),
        ("cn", "zh"),
        ("kr", "ko"),
        ("br", "pt"),
        ("spanish", "es"),
        ("esp", "es"),
        ("spa", "es"),
        ("ita", "it"),
        ("italian", "it"),
        ("dutch", "nl"),
        ("nld", "nl"),
    ];
    if let Some((_, code)) = WRITTEN_FOR.iter().find(|(w, _)| *w == lower)
        && let Some(found) = find(code)
    {
        return Some(found);
    }
    crate::diagnostic::did_you_mean(&lower, available.iter().copied())
}

/// A number as the language `lang` writes it (ICU4X's CLDR data): its digits as given, with
/// the language's group and decimal separators.
pub fn number(lang: &str, value: f64) -> String {
    let plain = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        // Cents as written: 70000.5 is 70,000.50 in pay.
        let text = format!("{value}");
        text
    };
    format_decimal(lang, &plain).unwrap_or(plain)
}

fn format_decimal(lang: &str, digits: &str) -> Option<String> {
    let decimal = icu_decimal::input::Decimal::try_from_str(digits).ok()?;
    let formatter = decimal_formatter(lang)?;
    Some(formatter.format(&decimal).to_string())
}

fn decimal_formatter(lang: &str) -> Option<icu_decimal::DecimalFormatter> {
    let locale: icu_locale_core::Locale = lang.parse().ok()?;
    icu_decimal::DecimalFormatter::try_new((&locale).into(), Default::default()).ok()
}

/// A bundle's language as Fluent's memoizer hands it to a formatter (ICU4X's formatter is
/// not `Sync`, so it is made per number from the compiled data, which is cheap).
struct BundleLanguage(String);

impl intl_memoizer::Memoizable for BundleLanguage {
    type Args = ();
    type Error = ();

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, ()> {
        Ok(BundleLanguage(lang.to_string()))
    }
}

/// Fluent's numbers (`{ $count }`) in the bundle's language.
fn format_value(value: &FluentValue, memoizer: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let digits = match number.options.minimum_fraction_digits {
        Some(places) => format!("{:.*}", places, number.value),
        None => format!("{}", number.value),
    };
    let lang = memoizer
        .with_try_get_threadsafe::<BundleLanguage, _, _>((), |l| l.0.clone())
        .ok()?;
    format_decimal(&lang, &digits)
}

/// The words of a job post in one language: its headings and labels from the theme's
/// `posting-…` messages (named after the English words: `posting-what-you-will-own`), its
/// dates and pay as the language writes them.
pub struct PostingWords<'s> {
    strings: &'s Strings,
    lang: &'s str,
}

impl PostingWords<'_> {
    fn word(&self, prefix: &str, english: &str) -> String {
        let id = format!("{prefix}-{}", crate::slug::slugify(english));
        self.strings.message_or(self.lang, &id, english)
    }
}

impl crate::playbook::posting::Words for PostingWords<'_> {
    fn label(&self, english: &'static str) -> String {
        self.word("posting", english)
    }

    fn team(&self, label: &str) -> String {
        self.word("interface", label)
    }

    fn date(&self, day: (i32, u32, u32)) -> String {
        self.strings
            .long_date(self.lang, day)
            .unwrap_or_else(|_| crate::playbook::posting::date_words(day))
    }

    fn pay(&self, pay: &Pay) -> String {
        let (min, max) = (
            amount(self.lang, pay.min.value),
            amount(self.lang, pay.max.value),
        );
        let mut args = FluentArgs::new();
        args.set("currency", FluentValue::from(pay.currency.value.as_str()));
        args.set("min", FluentValue::from(min.clone()));
        args.set("max", FluentValue::from(max.clone()));
        let period = format!("{:?}", pay.period).to_lowercase();
        args.set("period", FluentValue::from(period));
        let id = if min == max {
            "pay-amount"
        } else {
            "pay-range"
        };
        self.strings
            .message(self.lang, id, Some(&args))
            .unwrap_or_else(|_| pay.words())
    }

    fn work_model(&self, model: WorkModel) -> String {
        let key = format!("{model:?}").to_lowercase();
        self.strings
            .message_or(self.lang, &format!("work-model-{key}"), model.words())
    }

    fn employment_type(&self, kind: EmploymentType) -> String {
        let key = crate::slug::slugify(kind.words());
        self.strings
            .message_or(self.lang, &format!("employment-{key}"), kind.words())
    }

    fn colon(&self, label: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("label", FluentValue::from(label.to_string()));
        self.strings
            .message(self.lang, "label-colon", Some(&args))
            .unwrap_or_else(|_| format!("{label}:"))
    }

    fn second_person(&self, text: &str) -> String {
        // The voice turns English verbs; a sentence in another language stays as written.
        if self.lang.split('-').next() == Some("en") {
            crate::playbook::voice::second_person(text)
        } else {
            text.to_string()
        }
    }
}

/// An amount of money as `lang` writes it, with cents only when it has them
/// (`config::posting::amount`, in the language's separators).
fn amount(lang: &str, value: f64) -> String {
    let cents = (value * 100.0).round() as i64;
    let digits = if cents % 100 == 0 {
        (cents / 100).to_string()
    } else {
        format!("{:.2}", cents as f64 / 100.0)
    };
    format_decimal(lang, &digits).unwrap_or(digits)
}

/// Registers `t(key=…, …)` and the `long_date` and `number` filters, which write in the
/// language of the template's `lang` (a component that uses them takes `@lang`).
pub fn register(tera: &mut tera::Tera, strings: Arc<Strings>) {
    let words = strings.clone();
    let fixed = FixedWords(strings.fixed_messages());
    tera.register_function(
        "t",
        move |kwargs: tera::Kwargs, state: &tera::State| -> tera::TeraResult<tera::Value> {
            let key: &str = kwargs.must_get("key")?;
            let lang = lang_value(state)?;
            let lang = lang.as_str().unwrap_or_default();
            let variables = kwargs.iter().any(|(name, _)| {
                !matches!(name.as_str(), Some("key" | "default" | "__tera_one_off"))
            });
            if !variables && let Some(text) = fixed.get(lang, key) {
                return Ok(text.clone());
            }
            // For words named by the site's vocabulary (an interface key of its own), which
            // the theme may not have: what to show then.
            let default: Option<String> = kwargs.get("default")?;
            let mut args = FluentArgs::new();
            for (name, value) in kwargs.iter() {
                let Some(name) = name.as_str() else { continue };
                if matches!(name, "key" | "default" | "__tera_one_off") {
                    continue;
                }
                if let Some(n) = value.as_i64() {
                    args.set(name.to_string(), FluentValue::from(n));
                } else if let Some(n) = value.as_f64() {
                    args.set(name.to_string(), FluentValue::from(n));
                } else if let Some(text) = value.as_str() {
                    args.set(name.to_string(), FluentValue::from(text.to_string()));
                } else {
                    args.set(name.to_string(), FluentValue::from(value.to_string()));
                }
            }
            let args = (args.iter().next().is_some()).then_some(&args);
            match (words.message(lang, key, args), default) {
                (Ok(text), _) => Ok(text.into()),
                (Err(_), Some(default)) if words.has_language(lang) => Ok(default.into()),
                (Err(problem), _) => Err(tera::Error::message(problem)),
            }
        },
    );
    let dates = strings.clone();
    tera.register_filter(
        "long_date",
        move |value: tera::Value,
              _: tera::Kwargs,
              state: &tera::State|
              -> tera::TeraResult<String> {
            let lang = lang_of(state)?;
            let iso = value
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| value.to_string());
            let day = crate::content::role::parse_date(&iso).ok_or_else(|| {
                tera::Error::message(format!(
                    "`long_date` takes a day as YYYY-MM-DD, not `{iso}`"
                ))
            })?;
            dates.long_date(&lang, day).map_err(tera::Error::message)
        },
    );
    tera.register_filter(
        "number",
        move |value: tera::Value,
              _: tera::Kwargs,
              state: &tera::State|
              -> tera::TeraResult<String> {
            let lang = lang_of(state)?;
            let n = value.as_f64().ok_or_else(|| {
                tera::Error::message(format!("`number` takes a number, not `{value}`"))
            })?;
            Ok(number(&lang, n))
        },
    );
}

/// The messages without variables of `Strings::fixed_messages`.
struct FixedWords(BTreeMap<String, HashMap<String, tera::Value>>);

impl FixedWords {
    /// Message `id` in `lang` (`de-CH`), in the language `Strings::language` would take.
    fn get(&self, lang: &str, id: &str) -> Option<&tera::Value> {
        in_language(&self.0, lang)?.get(id)
    }
}

/// What `by_language` (keyed by lower-case codes, as the files name them) holds for `lang`
/// (`de-CH`): its own file's, else its language's (`de`). A page asks on every word, so a
/// code already in lower case is not copied.
fn in_language<'m, V>(by_language: &'m BTreeMap<String, V>, lang: &str) -> Option<&'m V> {
    let lower;
    let lang = if lang.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = lang.to_ascii_lowercase();
        lower.as_str()
    } else {
        lang
    };
    by_language.get(lang).or_else(|| {
        let primary = lang.split('-').next().unwrap_or("");
        by_language.get(primary)
    })
}

/// The page's language: `lang` of the template's context.
fn lang_of(state: &tera::State) -> tera::TeraResult<String> {
    Ok(lang_value(state)?.as_str().unwrap_or_default().to_string())
}

/// `lang_of` without copying it out.
fn lang_value(state: &tera::State) -> tera::TeraResult<tera::Value> {
    state.get::<tera::Value>("lang")?.ok_or_else(|| {
        tera::Error::message(
            "`lang` is not set here: a component that shows words takes `@lang` among its \
             arguments (`{% component card(role, @lang) %}`)",
        )
    })
}

/// The built-in theme's words alone, for tests.
#[cfg(test)]
pub fn shipped() -> Strings {
    let empty = tempfile::tempdir().expect("tempdir");
    Strings::load(empty.path(), &Theme::BuiltIn).expect("the shipped strings load")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_language_has_exactly_the_messages_of_english() {
        let strings = shipped();
        let english = strings.message_ids("en");
        assert!(english.len() > 100, "{}", english.len());
        let languages: Vec<&str> = strings.languages().collect();
        assert_eq!(languages, ["de", "en", "fr"]);
        for lang in languages {
            let ids = strings.message_ids(lang);
            let missing: Vec<_> = english.difference(&ids).collect();
            let extra: Vec<_> = ids.difference(&english).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{lang}.ftl: missing {missing:?}, not in en.ftl {extra:?}"
            );
            // Every message formats without an error (variables given a value).
            let mut args = FluentArgs::new();
            for name in [
                "name",
                "count",
                "site",
                "quarter",
                "currency",
                "min",
                "max",
                "until",
                "files",
                "line",
                "column",
                "file",
                "label",
                "title",
                "archetype",
                "archetype_lower",
                "stages",
                "number",
                "amount",
                "init",
                "last",
                "briefs",
                "people",
                "filled",
                "open",
                "planned",
                "span",
                "first",
                "staffed",
                "total",
                "names",
                "start",
                "budget",
                "difference",
                "why",
                "cost",
                "summary",
                "lang",
                "pages",
            ] {
                args.set(name, FluentValue::from(1));
            }
            args.set("period", "year");
            args.set("level", "warning");
            args.set("day", 1);
            args.set("month", "m");
            args.set("year", "2026");
            for id in &ids {
                let text = strings.message(lang, id, Some(&args));
                assert!(text.is_ok(), "{lang}: {id}: {text:?}");
            }
        }
    }

    #[test]
    fn dates_and_numbers_are_written_per_language() {
        let strings = shipped();
        let day = (2026, 12, 1);
        assert_eq!(strings.long_date("en", day).expect("en"), "1 December 2026");
        assert_eq!(
            strings.long_date("de", day).expect("de"),
            "1. Dezember 2026"
        );
        assert_eq!(
            strings.long_date("fr", day).expect("fr"),
            "1er décembre 2026"
        );
        assert_eq!(
            strings.long_date("fr", (2027, 2, 28)).expect("fr"),
            "28 février 2027"
        );
        assert_eq!(
            strings.long_date("de-AT", (2027, 3, 5)).expect("de-AT"),
            "5. März 2027"
        );
        assert_eq!(number("en", 1234.5), "1,234.5");
        assert_eq!(number("de", 1234.5), "1.234,5");
        assert_eq!(number("fr", 1234.5), "1\u{202f}234,5");
        assert_eq!(number("de-CH", 1234.5), "1'234.5");
        assert_eq!(number("en", 70000.5), "70,000.5");
        assert_eq!(number("de", 90000.0), "90.000");
        // Fluent's own numbers ({ $count }) are written the same way.
        let mut args = FluentArgs::new();
        args.set("count", 1200);
        assert_eq!(
            strings
                .message("de", "findings-to-review", Some(&args))
                .expect("de"),
            "1.200 Hinweise zu prüfen"
        );
        args.set("count", 1);
        assert_eq!(
            strings
                .message("en", "findings-to-review", Some(&args))
                .expect("en"),
            "1 finding to review"
        );
    }

    #[test]
    fn pay_and_post_labels_read_in_the_language() {
        use crate::playbook::posting::Words;
        let strings = shipped();
        let pay: Pay =
            serde_saphyr::from_str("{min: 72000, max: 90000, currency: EUR}").expect("pay");
        assert_eq!(strings.posting_words("en").pay(&pay), pay.words());
        let cents: Pay =
            serde_saphyr::from_str("{min: 60000, max: 70000.5, currency: EUR, period: month}")
                .expect("pay");
        assert_eq!(strings.posting_words("en").pay(&cents), cents.words());
        assert_eq!(
            strings.posting_words("de").pay(&cents),
            "60.000–70.000,50 EUR im Monat"
        );
        assert_eq!(
            strings.posting_words("de").pay(&pay),
            "72.000–90.000 EUR im Jahr"
        );
        assert_eq!(
            strings.posting_words("fr").pay(&pay),
            "72\u{202f}000–90\u{202f}000\u{a0}EUR par an"
        );
        assert_eq!(strings.posting_words("fr").colon("Niveau"), "Niveau\u{a0}:");
        assert_eq!(strings.posting_words("en").colon("Level"), "Level:");
        let de = strings.posting_words("de");
        assert_eq!(de.label("What you will own"), "Was Sie verantworten");
        assert_eq!(de.team("IT"), "IT");
        assert_eq!(de.team("Product"), "Produkt");
        assert_eq!(de.employment_type(EmploymentType::FullTime), "Vollzeit");
        // The English words of the theme are the words of `playbook::posting`.
        let en = strings.posting_words("en");
        for kind in [
            EmploymentType::FullTime,
            EmploymentType::PartTime,
            EmploymentType::Contract,
            EmploymentType::Temporary,
            EmploymentType::Intern,
        ] {
            assert_eq!(en.employment_type(kind), kind.words());
        }
        for model in [WorkModel::Onsite, WorkModel::Hybrid, WorkModel::Remote] {
            assert_eq!(en.work_model(model), model.words());
        }
    }

    #[test]
    fn a_site_changes_one_word_and_keeps_the_rest() {
        let site = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(site.path().join("i18n")).expect("mkdir");
        std::fs::write(site.path().join("i18n/de.ftl"), "outcome = Geschäftsziel\n")
            .expect("write");
        let strings = Strings::load(site.path(), &Theme::BuiltIn).expect("loads");
        assert_eq!(
            strings.message("de", "outcome", None).expect("de"),
            "Geschäftsziel"
        );
        assert_eq!(
            strings.message("de", "tools", None).expect("de"),
            "Werkzeuge"
        );
    }

    #[test]
    fn a_broken_message_is_reported_at_its_line() {
        let err = Strings::from_texts(&[("de", "outcome = Ziel\ntools Werkzeuge\n")])
            .err()
            .expect("a syntax error");
        assert_eq!(err.file, PathBuf::from("i18n/de.ftl"));
        assert_eq!(err.position.line, 2);
        let err = Strings::from_texts(&[("de", "outcome = Ziel\noutcome = Ergebnis\n")])
            .err()
            .expect("twice");
        assert_eq!(err.position.line, 2);
        assert!(
            err.message.contains("`outcome` is written twice"),
            "{}",
            err.message
        );
        let err = Strings::from_texts(&[("deutsch_de", "outcome = Ziel\n")])
            .err()
            .expect("not a language");
        assert!(
            err.message.contains("not named after a language"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_near_miss_names_the_language_meant() {
        let shipped = ["de", "en", "fr"];
        for (written, meant) in [
            ("ge", Some("de")),
            ("DE", Some("de")),
            ("de-AT", Some("de")),
            ("german", Some("de")),
            ("fra", Some("fr")),
            ("uk", Some("en")),
            ("ja", None),
        ] {
            assert_eq!(near_language(written, &shipped), meant, "{written}");
        }
    }

    /// `t` answers a message without variables from the table made once, and says what
    /// the bundle says: in the page's language, a regional code falling back to its
    /// language, a site's override winning, and a message that needs a variable still
    /// asking for it.
    #[test]
    fn t_says_what_the_bundle_says() {
        let strings = Strings::from_texts(&[
            (
                "en",
                "copy-markdown = Copy as Markdown\nreports-to = reports to { $name }\n",
            ),
            (
                "de",
                "copy-markdown = Als Markdown kopieren\nreports-to = berichtet an { $name }\n",
            ),
            ("en", "copy-markdown = Copy the Markdown\n"),
        ])
        .expect("strings");
        let strings = Arc::new(strings);
        let mut tera = tera::Tera::default();
        register(&mut tera, strings.clone());
        tera.add_raw_template(
            "page",
            r#"{{ t(key="copy-markdown") }}|{{ t(key="reports-to", name="the CTO") }}"#,
        )
        .expect("template");
        tera.add_raw_template("bare", r#"{{ t(key="reports-to") }}"#)
            .expect("template");
        let render = |name: &str, lang: &str| {
            let mut context = tera::Context::new();
            context.insert("lang", lang);
            tera.render(name, &context)
        };
        for (lang, expected) in [
            ("en", "Copy the Markdown|reports to the CTO"),
            ("de", "Als Markdown kopieren|berichtet an the CTO"),
            ("de-CH", "Als Markdown kopieren|berichtet an the CTO"),
            ("DE", "Als Markdown kopieren|berichtet an the CTO"),
        ] {
            assert_eq!(render("page", lang).expect("renders"), expected, "{lang}");
            let said = strings
                .message(lang, "copy-markdown", None)
                .expect("message");
            assert_eq!(expected.split('|').next(), Some(said.as_str()), "{lang}");
        }
        assert!(render("page", "ja").is_err(), "no words in Japanese");
        assert!(render("bare", "en").is_err(), "`name` is missing");
    }
}
