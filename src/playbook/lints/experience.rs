//! `impossible-experience`: a brief that asks for more years with a technology than it has
//! existed ("7+ years of experience with LLMs" in 2024, "at least 5 years of LangChain").
//! The table of technologies is `site.yaml`'s `technologies:`; today's year is passed in
//! (`Config::build_year`), since the lints have no clock.

use super::text::{Body, at_text, front_texts};
use super::*;
use crate::config::signals::Technology;

/// One ask for years with a technology.
#[derive(Debug, PartialEq, Eq)]
struct Ask<'t> {
    /// Bytes into the text, where the number starts.
    at: usize,
    /// The fewest years the ask accepts ("5-7 years" accepts 5).
    years: u32,
    /// As written: "7+ years", "a decade".
    written: String,
    /// The technology as written, and its entry.
    tech_written: String,
    tech: &'t Technology,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'a> {
    Word(&'a str),
    Num(u32),
    Punct(char),
    /// A blank line: the end of a paragraph.
    Break,
}

#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    at: usize,
    end: usize,
    tok: Tok<'a>,
}

/// Words, numbers and punctuation; a word keeps inner hyphens, apostrophes and dots
/// ("hands-on", "GPT-4", "year's", "e.g").
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' && chars.get(i + 1).is_some_and(|(_, n)| *n == '\n') {
            out.push(Token {
                at,
                end: at + 2,
                tok: Tok::Break,
            });
            i += 2;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit() {
            while i < chars.len() && chars[i].1.is_ascii_digit() {
                i += 1;
            }
            let end = end_of(i);
            let n = text[at..end].parse().unwrap_or(u32::MAX);
            out.push(Token {
                at,
                end,
                tok: Tok::Num(n),
            });
        } else if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() {
                let c = chars[i].1;
                let joins = matches!(c, '-' | '\'' | '’' | '.')
                    && chars.get(i + 1).is_some_and(|(_, n)| n.is_alphanumeric());
                if c.is_alphanumeric() || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                at,
                end: end_of(i),
                tok: Tok::Word(&text[at..end_of(i)]),
            });
        } else {
            i += 1;
            out.push(Token {
                at,
                end: end_of(i),
                tok: Tok::Punct(c),
            });
        }
    }
    out
}

const NUMBER_WORDS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// Words between the years and the technology that keep the ask going ("years of hands-on
/// experience with").
const LEAD: &[&str] = &[
    "of",
    "in",
    "with",
    "on",
    "at",
    "using",
    "the",
    "a",
    "an",
    "hands-on",
    "professional",
    "commercial",
    "industry",
    "relevant",
    "practical",
    "proven",
    "production",
    "real-world",
    "direct",
    "deep",
    "solid",
    "strong",
    "demonstrated",
    "applied",
    "full-time",
    "paid",
];

/// Words that say the years are spent doing something: after them, a few more words may
/// stand before the technology ("years building production systems with LangChain").
const DOING: &[&str] = &[
    "experience",
    "experiences",
    "experienced",
    "exp",
    "work",
    "working",
    "building",
    "developing",
    "deploying",
    "shipping",
    "applying",
    "designing",
    "running",
    "operating",
    "leading",
    "doing",
    "writing",
    "programming",
    "coding",
    "delivering",
    "implementing",
    "architecting",
    "maintaining",
    "scaling",
    "using",
    "fine-tuning",
    "training",
];

/// Words that end the ask: what follows is another requirement or a softer one ("7+ years
/// of software engineering, including recent work with LLMs").
const ENDS: &[&str] = &[
    "including",
    "incl",
    "plus",
    "ideally",
    "preferably",
    "especially",
    "recent",
    "recently",
    "exposure",
    "familiarity",
    "knowledge",
    "understanding",
    "awareness",
    "interest",
    "as",
    "but",
    "while",
    "where",
    "which",
    "who",
    "that",
    "whereas",
    "such",
    "e.g",
    "i.e",
    "or",
    "and",
];

/// Words that join an object to the technology after `DOING` ("systems with LangChain");
/// after a bare "of", only a list joins ("Python and LangChain").
const JOINS: &[&str] = &[
    "with", "using", "on", "in", "for", "via", "through", "and", "or",
];
const LIST_JOINS: &[&str] = &["and", "or"];

/// Words before a number that make it a time span, not an ask ("within 2 years").
const SPANS: &[&str] = &[
    "within", "in", "after", "every", "next", "past", "last", "first", "each",
];

/// Words that may stand between a technology and the years after it ("LLM experience:
/// at least 5 years").
const BETWEEN: &[&str] = &[
    "experience",
    "exp",
    "hands-on",
    "at",
    "least",
    "minimum",
    "min",
    "over",
    "more",
    "than",
    "for",
    "of",
    "approximately",
    "about",
    "around",
];

fn lower(tok: &Tok) -> Option<String> {
    match tok {
        Tok::Word(w) => Some(w.to_lowercase()),
        _ => None,
    }
}

fn is_word(tok: Option<&Token>, words: &[&str]) -> bool {
    match tok.map(|t| t.tok) {
        Some(Tok::Word(w)) => words.iter().any(|x| w.eq_ignore_ascii_case(x)),
        _ => false,
    }
}

/// Whether a spelling is matched case by case: acronyms in capitals ("RAG", "LLM").
fn is_acronym(spelling: &str) -> bool {
    spelling.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !spelling.chars().any(|c| c.is_lowercase())
}

fn spelled(text: &str, spelling: &str) -> bool {
    if is_acronym(spelling) {
        text == spelling
    } else {
        text.eq_ignore_ascii_case(spelling)
    }
}

/// The technology written at `at`: the longest spelling that stands as words of its own
/// (a plural "s" allowed), with the bytes it takes.
fn tech_at<'t>(
    text: &str,
    at: usize,
    technologies: &'t [Technology],
) -> Option<(&'t Technology, usize)> {
    if text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let mut best: Option<(&Technology, usize)> = None;
    for tech in technologies {
        for spelling in tech.spellings() {
            let Some(candidate) = text.get(at..at + spelling.len()) else {
                continue;
            };
            if !spelled(candidate, spelling) {
                continue;
            }
            let mut len = spelling.len();
            if text[at + len..].starts_with('s') {
                len += 1;
            }
            let after = text[at + len..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((tech, len));
            }
        }
    }
    best
}

/// The technology that ends at `end`, as words of its own.
fn tech_ending_at<'t>(
    text: &str,
    end: usize,
    technologies: &'t [Technology],
) -> Option<(&'t Technology, usize)> {
    technologies
        .iter()
        .flat_map(|tech| tech.spellings().map(move |s| (tech, s)))
        .flat_map(|(tech, s)| [(tech, s.len()), (tech, s.len() + 1)].map(move |(t, l)| (t, s, l)))
        .filter(|(_, _, len)| *len <= end)
        .filter_map(|(tech, _, len)| {
            let at = end - len;
            text.is_char_boundary(at).then_some(())?;
            tech_at(text, at, std::slice::from_ref(tech))
                .filter(|(_, l)| *l == len)
                .map(|_| (tech, at))
        })
        .min_by_key(|(_, at)| *at)
}

/// The number at token `i` ("7", "seven", "a decade"), its years, and the token after it.
fn number_at(toks: &[Token], i: usize) -> Option<(u32, usize)> {
    match toks[i].tok {
        Tok::Num(n) => Some((n, i + 1)),
        Tok::Word(w) => {
            if is_word(Some(&toks[i]), &["a", "one"]) && is_word(toks.get(i + 1), &["decade"]) {
                return Some((10, i + 2));
            }
            let n = NUMBER_WORDS
                .iter()
                .position(|n| w.eq_ignore_ascii_case(n))? as u32;
            Some((n, i + 1))
        }
        _ => None,
    }
}

/// An ask for years at token `i`: (years, the token after the ask), or `None`.
fn years_at(toks: &[Token], i: usize) -> Option<(u32, usize)> {
    let (mut years, mut j) = number_at(toks, i)?;
    if i > 0 && is_word(toks.get(i - 1), SPANS) {
        return None;
    }
    // The upper end of a range ("3-5 years") belongs to the ask that starts at its lower end.
    let ranges_from_before = i >= 2
        && matches!(toks[i - 2].tok, Tok::Num(_))
        && (matches!(toks[i - 1].tok, Tok::Punct('-' | '–')) || is_word(toks.get(i - 1), &["to"]));
    if ranges_from_before {
        return None;
    }
    if matches!(toks[j - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("decade")) {
        return Some((years, skip_after_unit(toks, j)));
    }
    let punct = |k: usize, c: &[char]| {
        toks.get(k)
            .is_some_and(|t| matches!(t.tok, Tok::Punct(p) if c.contains(&p)))
    };
    if punct(j, &['+']) || is_word(toks.get(j), &["plus"]) {
        j += 1;
    } else if (punct(j, &['-', '–']) || is_word(toks.get(j), &["to"]))
        && matches!(toks.get(j + 1).map(|t| t.tok), Some(Tok::Num(_)))
    {
        j += 2;
        if punct(j, &['+']) {
            j += 1;
        }
    }
    let unit = lower(&toks.get(j)?.tok)?;
    let unit = unit.trim_end_matches(['\'', '’']);
    let scale = match unit {
        "year" | "years" | "yr" | "yrs" | "year's" | "years's" => 1,
        "decade" | "decades" => 10,
        _ => return None,
    };
    // "5-year plan": the years describe a plan, not a person.
    if j > 0 && toks[j - 1].end == toks[j].at && punct(j - 1, &['-', '–']) {
        return None;
    }
    if is_word(toks.get(j + 1), &["ago", "old"]) {
        return None;
    }
    years = years.saturating_mul(scale);
    Some((years, skip_after_unit(toks, j + 1)))
}

/// Past a "+" or an apostrophe after the unit ("5 years+", "5 years' experience").
fn skip_after_unit(toks: &[Token], mut j: usize) -> usize {
    while toks
        .get(j)
        .is_some_and(|t| matches!(t.tok, Tok::Punct('+' | '\'' | '’')))
    {
        j += 1;
    }
    j
}

/// The technology the years after `j` are about: "of LLMs", "building RAG systems",
/// "of experience building production systems with LangChain". `None` when the words go
/// elsewhere, and `Some(None)` when nothing follows the years but "experience" (the
/// technology may come before them).
fn tech_after<'t>(
    text: &str,
    toks: &[Token],
    mut j: usize,
    technologies: &'t [Technology],
) -> Option<Option<(&'t Technology, usize, usize)>> {
    let mut doing = false;
    let mut object_words = 0;
    let mut last_join: Option<String> = None;
    let mut any = false;
    while let Some(t) = toks.get(j) {
        if let Tok::Word(_) = t.tok
            && let Some((tech, len)) = tech_at(text, t.at, technologies)
        {
            let joined = last_join
                .as_deref()
                .is_some_and(|w| JOINS.contains(&w) && (doing || LIST_JOINS.contains(&w)));
            if object_words == 0 || joined {
                return Some(Some((tech, t.at, len)));
            }
            return None;
        }
        match t.tok {
            Tok::Word(_) => {
                let w = lower(&t.tok).unwrap_or_default();
                let is_doing = DOING.contains(&w.as_str());
                doing |= is_doing;
                if object_words == 0 && (LEAD.contains(&w.as_str()) || is_doing) {
                    any |= !is_doing;
                } else if JOINS.contains(&w.as_str()) && object_words > 0 {
                    last_join = Some(w);
                    j += 1;
                    continue;
                } else if ENDS.contains(&w.as_str()) {
                    break;
                } else {
                    any = true;
                    object_words += 1;
                    if object_words > if doing { 4 } else { 2 } {
                        return None;
                    }
                }
                last_join = None;
            }
            Tok::Punct('/' | '&') if object_words > 0 => {
                last_join = Some("and".into());
                j += 1;
                continue;
            }
            _ => break,
        }
        j += 1;
    }
    if any { None } else { Some(None) }
}

/// The technology just before the number at token `i`, across "experience", "at least",
/// "(", ":" ("LangChain experience (3+ years)").
fn tech_before<'t>(
    text: &str,
    toks: &[Token],
    i: usize,
    technologies: &'t [Technology],
) -> Option<(&'t Technology, usize, usize)> {
    let mut k = i;
    while k > 0 {
        let t = &toks[k - 1];
        let skip = match t.tok {
            Tok::Punct(c) => matches!(c, '(' | ':' | '-' | '–' | '—' | ',' | '~'),
            Tok::Word(_) => is_word(Some(t), BETWEEN),
            _ => false,
        };
        if !skip {
            break;
        }
        k -= 1;
    }
    if k == 0 || k == i {
        return None;
    }
    let end = toks[k - 1].end;
    let (tech, at) = tech_ending_at(text, end, technologies)?;
    Some((tech, at, end - at))
}

/// Whether `text` may ask for years at all: most texts say no "year", "yr" or "decade",
/// and are not read further.
fn mentions_years(text: &str) -> bool {
    let bytes = text.as_bytes();
    (0..bytes.len()).any(|i| {
        let lower = |k: usize| bytes.get(i + k).map(|b| b.to_ascii_lowercase());
        match lower(0) {
            Some(b'y') => {
                matches!(lower(1), Some(b'r')) || (lower(1) == Some(b'e') && lower(2) == Some(b'a'))
            }
            Some(b'd') => bytes
                .get(i..i + 6)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"decade")),
            _ => false,
        }
    })
}

/// Every ask in `text` for more years with a technology than it has existed by `year`.
fn impossible_asks<'t>(text: &str, technologies: &'t [Technology], year: i32) -> Vec<Ask<'t>> {
    if !mentions_years(text) {
        return Vec::new();
    }
    let toks = tokens(text);
    let mut asks = Vec::new();
    for i in 0..toks.len() {
        let Some((years, after)) = years_at(&toks, i) else {
            continue;
        };
        let tech = match tech_after(text, &toks, after, technologies) {
            Some(Some(found)) => Some(found),
            Some(None) => tech_before(text, &toks, i, technologies),
            None => None,
        };
        let Some((tech, tech_at, tech_len)) = tech else {
            continue;
        };
        let possible = year - tech.released;
        if i64::from(years) <= i64::from(possible) {
            continue;
        }
        let unit_end = toks[after.saturating_sub(1).max(i)].end;
        asks.push(Ask {
            at: toks[i].at,
            years,
            written: text[toks[i].at..unit_end].to_string(),
            tech_written: text[tech_at..tech_at + tech_len].to_string(),
            tech,
        });
    }
    asks
}

fn message(ask: &Ask, year: i32) -> String {
    let name = if ask.tech_written.eq_ignore_ascii_case(&ask.tech.name)
        || ask
            .tech_written
            .trim_end_matches('s')
            .eq_ignore_ascii_case(ask.tech.name.trim_end_matches('s'))
    {
        String::new()
    } else {
        format!(" ({})", ask.tech.name)
    };
    let possible = (year - ask.tech.released).max(0);
    format!(
        "impossible experience: asks for {} of {}{name}, public since {}: at most {possible} year{} by {year}",
        ask.written,
        ask.tech_written,
        ask.tech.released,
        if possible == 1 { "" } else { "s" },
    )
}

const HELP: &str = "ask for what the years were meant to prove, counted in systems and releases: e.g. \"has shipped an LLM feature to production and kept it running for a year\"";

/// Impossible asks in the texts of a brief's front matter.
pub(super) fn front_experience(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let Some(year) = config.build_year else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for text in front_texts(role) {
        for ask in impossible_asks(text.value, &config.technologies, year) {
            let d = at_text(role, &text, ask.at, message(&ask, year)).with_help(HELP);
            found.extend(finding(config, Some(role), "impossible-experience", d));
        }
    }
    found
}

/// Impossible asks in a page's body: never in code; on guides, never in quotes.
pub(super) fn body_experience(
    config: &Config,
    role: Option<&Role>,
    body: &Body,
) -> Vec<Diagnostic> {
    let Some(year) = config.build_year else {
        return Vec::new();
    };
    impossible_asks(body.text, &config.technologies, year)
        .into_iter()
        .filter(|ask| body.is_own_words(ask.at))
        .filter_map(|ask| {
            let d = body.diagnostic(ask.at, message(&ask, year)).with_help(HELP);
            finding(config, role, "impossible-experience", d)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::signals::default_technologies;

    fn asks(text: &str, year: i32) -> Vec<(u32, String)> {
        let table = default_technologies();
        impossible_asks(text, &table, year)
            .into_iter()
            .map(|a| (a.years, a.tech.name.clone()))
            .collect()
    }

    #[test]
    fn asks_beyond_a_technology_s_age_are_flagged() {
        let flagged: &[(&str, i32, u32, &str)] = &[
            ("7+ years of experience with LLMs", 2024, 7, "LLMs"),
            (
                "At least 5 years of LangChain in production.",
                2026,
                5,
                "LangChain",
            ),
            (
                "10 years of prompt engineering",
                2026,
                10,
                "prompt engineering",
            ),
            (
                "5+ years building RAG systems for enterprise search",
                2024,
                5,
                "retrieval-augmented generation",
            ),
            (
                "Minimum 8 years' hands-on experience with large language models",
                2025,
                8,
                "LLMs",
            ),
            (
                "3-5 years of ChatGPT or GPT-4 experience",
                2024,
                3,
                "ChatGPT",
            ),
            (
                "Five years of experience building production agents with LangChain",
                2025,
                5,
                "LangChain",
            ),
            (
                "a decade of experience with transformers",
                2026,
                10,
                "transformers",
            ),
            (
                "LangChain experience (4+ years) is a must",
                2025,
                4,
                "LangChain",
            ),
            ("Vector databases: 9+ years", 2026, 9, "vector databases"),
            ("6+ yrs of Python and LlamaIndex", 2026, 6, "LlamaIndex"),
            (
                "12+ years of Kubernetes administration",
                2025,
                12,
                "Kubernetes",
            ),
            (
                "8 years of experience with Hugging Face Transformers",
                2025,
                8,
                "Hugging Face Transformers",
            ),
        ];
        for (text, year, years, tech) in flagged {
            assert_eq!(
                asks(text, *year),
                vec![(*years, tech.to_string())],
                "should flag {text:?} in {year}"
            );
        }
    }

    #[test]
    fn possible_or_unrelated_asks_pass() {
        let pass: &[(&str, i32)] = &[
            ("5 years of Python and 1 year with LLMs", 2024),
            (
                "7+ years of software engineering, including recent work with LLMs",
                2024,
            ),
            ("3 years of Kubernetes", 2024),
            (
                "7+ years of software engineering with recent exposure to RAG",
                2024,
            ),
            (
                "10 years of experience in machine learning, ideally with LLMs",
                2024,
            ),
            (
                "8+ years in data engineering; familiarity with dbt and Snowflake",
                2024,
            ),
            ("2 years with LangChain", 2025),
            (
                "Keep 10 years of claims history in the vector database",
                2026,
            ),
            ("A 5-year roadmap for LLM adoption", 2026),
            ("Ship the RAG assistant within 2 years", 2026),
            ("Where do you see LLMs in 5 years?", 2026),
            ("7+ years of experience with LLMs", 2026),
            (
                "10+ years building ML systems in production, 2+ with LLMs",
                2026,
            ),
            ("Ten years of experience in AI", 2026),
            (
                "We replaced a 12-year-old rules engine with a RAG system",
                2026,
            ),
        ];
        for (text, year) in pass {
            assert_eq!(asks(text, *year), vec![], "should pass {text:?} in {year}");
        }
    }

    #[test]
    fn the_message_names_the_ask_the_release_and_the_limit() {
        let table = default_technologies();
        let asks = impossible_asks("We want 7+ years of RAG.", &table, 2024);
        assert_eq!(
            message(&asks[0], 2024),
            "impossible experience: asks for 7+ years of RAG (retrieval-augmented generation), public since 2020: at most 4 years by 2024"
        );
        assert_eq!(asks[0].at, "We want ".len());
    }
}
