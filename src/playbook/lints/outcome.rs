//! Reading an outcome the way a hiring panel does: what moves (a metric or a named result),
//! the target it moves to and by when; and whether a success measure is an operating result
//! or only activity. Pure: a sentence in, a small typed answer out.

/// What an outcome states, each part as the words that state it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The metric or named result that moves: "cut claims handling time", "two use cases".
    pub moves: Option<String>,
    /// How far: "30%", "a third", "£2.50", "into production".
    pub target: Option<String>,
    /// By when: "within 12 months", "by Q3 2027", "before the renewal season".
    pub time: Option<String>,
}

/// A part of a measurable outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Moves,
    Target,
    Time,
}

impl Part {
    /// How a finding names the part when it is missing.
    pub fn missing(self) -> &'static str {
        match self {
            Part::Moves => "nothing that moves (a metric or a named result)",
            Part::Target => "no target (a number, percentage, amount or fraction)",
            Part::Time => "no time (a date, 'within N months' or a business event)",
        }
    }
}

impl Reading {
    /// The parts the outcome leaves out, in reading order.
    pub fn missing(&self) -> Vec<Part> {
        [
            (Part::Moves, &self.moves),
            (Part::Target, &self.target),
            (Part::Time, &self.time),
        ]
        .into_iter()
        .filter(|(_, found)| found.is_none())
        .map(|(part, _)| part)
        .collect()
    }
}

/// What a success measure holds the role to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Something running or used, or a business metric moved to a target.
    Result,
    /// Activity instead of a result; the kind of activity, e.g. "a pilot".
    Activity(&'static str),
    /// Neither: a legitimate step on the way ("Readiness audit delivered").
    Milestone,
}

/// Reads an outcome: what moves, its target and its time, each found or not.
pub fn read(outcome: &str) -> Reading {
    let words = words(outcome);
    let time = TimeSpans::find(&words);
    let moves = find_moves(&words, &time.taken);
    let mut target = find_target(&words, &time.taken);
    // "10x" with nothing that moves is hype, not a target ("be 10x more productive").
    if moves.is_none() && target.as_ref().is_some_and(|t| t.kind == Target::Multiple) {
        target = None;
    }
    Reading {
        moves: moves.map(|span| span.text(&words)),
        target: target.map(|t| t.span.text(&words)),
        time: time.first.map(|span| span.text(&words)),
    }
}

/// Whether a success measure (or an outcome) is an operating result, activity or neither.
/// An operating marker wins over an activity word: "One pilot team using the triage queue
/// daily" is a result, "Three pilots launched" is activity.
pub fn measure(text: &str) -> Measure {
    let words = words(text);
    if is_operating(&words) {
        return Measure::Result;
    }
    match activity(&words) {
        Some(kind) => Measure::Activity(kind),
        None => Measure::Milestone,
    }
}

/// A word of the sentence: as written, lower-cased, and whether punctuation ends a clause
/// after it.
struct Word<'a> {
    text: &'a str,
    lower: String,
    ends_clause: bool,
}

/// Words `start..=end` of a sentence.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn text(self, words: &[Word]) -> String {
        words[self.start..=self.end]
            .iter()
            .map(|w| w.text)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn words(text: &str) -> Vec<Word<'_>> {
    const OPENING: &[char] = &['(', '[', '"', '\'', '“', '‘'];
    const CLOSING: &[char] = &[')', ']', '"', '\'', '”', '’', '.', ',', ';', ':', '!', '?'];
    let mut words: Vec<Word> = Vec::new();
    for chunk in text.split_whitespace() {
        let trimmed = chunk.trim_start_matches(OPENING).trim_end_matches(CLOSING);
        let tail = &chunk[chunk.trim_end_matches(CLOSING).len()..];
        let ends_clause = tail.contains([',', ';', ':', '.', '!', '?', ')']);
        if trimmed.chars().all(|c| !c.is_alphanumeric()) {
            // A dash or a stray mark between clauses.
            if let Some(last) = words.last_mut() {
                last.ends_clause = true;
            }
            continue;
        }
        words.push(Word {
            text: trimmed,
            lower: trimmed.to_lowercase().replace('’', "'"),
            ends_clause,
        });
    }
    words
}

fn is(word: Option<&Word>, list: &[&str]) -> bool {
    word.is_some_and(|w| list.contains(&w.lower.as_str()))
}

// ---- numbers ----------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    /// A count, percentage or amount: "30%", "£4.10", "40k", "300".
    Count,
    /// A multiple written with digits: "10x".
    Multiple,
    /// A year or a date: "2027", "FY27", "2027-03-31".
    Date,
}

const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen",
];

/// Units that may follow the digits of a count or an amount.
const NUMBER_SUFFIXES: &[&str] = &[
    "", "%", "k", "m", "mn", "bn", "b", "ms", "s", "h", "hrs", "pp", "bps", "fte", "+", "point",
    "points", "pt", "pts", "percent", "hour", "hours", "minute", "minutes",
];

fn number(word: &str) -> Option<Number> {
    let (currency, rest) = match word.strip_prefix(['£', '€', '$']) {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    if let Some(year) = rest.strip_prefix("fy") {
        let digits = year.split('/').next().unwrap_or("");
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            return Some(Number::Date);
        }
    }
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(rest.len());
    let (digits, suffix) = rest.split_at(digits_end);
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_end_matches(['.', ',']);
    if !currency && is_year(digits) && (suffix.is_empty() || is_date_suffix(suffix)) {
        return Some(Number::Date);
    }
    if suffix == "x" || suffix == "×" {
        return Some(Number::Multiple);
    }
    // A range ("20-30%") or a rate ("24/7") reads as its first number.
    let unit = suffix.trim_start_matches(['-', '–', '/']);
    let unit = unit.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    NUMBER_SUFFIXES.contains(&unit).then_some(Number::Count)
}

fn is_year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (2020..=2099).contains(&y))
}

/// The rest of an ISO date ("-03-31") or a financial year ("/28").
fn is_date_suffix(suffix: &str) -> bool {
    suffix.starts_with(['-', '/']) && suffix[1..].chars().all(|c| c.is_ascii_digit() || c == '-')
}

fn is_count(word: &Word) -> bool {
    number(&word.lower) == Some(Number::Count) || NUMBER_WORDS.contains(&word.lower.as_str())
}

// ---- time -------------------------------------------------------------------------------

/// Prepositions of a span of time: "within 6 months", "in the first 12 months".
const DURATION_PREPOSITIONS: &[&str] =
    &["within", "in", "inside", "over", "during", "for", "after"];
const SPAN_ORDINALS: &[&str] = &["first", "next", "following", "coming", "initial"];
const TIME_DETERMINERS: &[&str] = &["the", "its", "our", "their", "this"];
const TIME_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
    "sprint", "sprints",
];
/// Prepositions of a deadline: "by March", "before the audit".
const DEADLINE_PREPOSITIONS: &[&[&str]] = &[
    &["by"],
    &["before"],
    &["until"],
    &["till"],
    &["ahead", "of"],
    &["in", "time", "for"],
    &["no", "later", "than"],
    &["at"],
];
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
#[rustfmt::skip]
const PERIOD_ENDS: &[&str] = &[
    "year-end", "yearend", "quarter-end", "month-end", "half-year", "eoy", "eoq",
];
/// Events in the business calendar a deadline can name: "before the renewal season", "by
/// the next budget cycle", "by the 2027 renewal".
#[rustfmt::skip]
const BUSINESS_EVENTS: &[&str] = &[
    "renewal", "renewals", "season", "cycle", "audit", "audits", "inspection", "review",
    "go-live", "launch", "deadline", "close", "filing", "meeting", "agm", "cutover",
    "migration", "freeze", "enrolment", "enrollment", "submission", "round", "peak",
    "christmas", "holidays", "rollout", "expiry", "election", "switchover", "year-end",
    "quarter-end", "month-end",
];
/// Words that end the search for a business event after "by": a preposition or a joiner.
const PHRASE_STOPS: &[&str] = &[
    "by", "with", "across", "to", "into", "from", "for", "within", "in", "at", "on", "through",
    "per", "under", "below", "above", "over", "against", "without", "via", "and", "or", "so",
    "while", "of", "before", "after", "than", "least", "most",
];

/// The words of a sentence that state time, and the first such phrase.
struct TimeSpans {
    taken: Vec<bool>,
    first: Option<Span>,
}

impl TimeSpans {
    fn find(words: &[Word]) -> TimeSpans {
        let mut spans = TimeSpans {
            taken: vec![false; words.len()],
            first: None,
        };
        let mut i = 0;
        while i < words.len() {
            let end = duration_at(words, i)
                .or_else(|| deadline_at(words, i))
                .or_else(|| date_at(words, i))
                .or_else(|| dated_at(words, i));
            match end {
                Some(end) => {
                    spans.take(Span { start: i, end });
                    i = end + 1;
                }
                None => i += 1,
            }
        }
        spans
    }

    fn take(&mut self, span: Span) {
        self.taken[span.start..=span.end].fill(true);
        if self.first.is_none() {
            self.first = Some(span);
        }
    }
}

/// "in 2027", "during Q3", "for 2026": a date after a preposition of time.
fn dated_at(words: &[Word], i: usize) -> Option<usize> {
    let word = &words[i];
    if !is(Some(word), &["in", "during", "for", "throughout"]) || word.ends_clause {
        return None;
    }
    date_at(words, i + 1)
}

/// "within 6 months", "in the first 12 months", "within a quarter", "for the following 8
/// months", "within 6 months of launch": the index of its last word.
fn duration_at(words: &[Word], i: usize) -> Option<usize> {
    if !is(words.get(i), DURATION_PREPOSITIONS) || words[i].ends_clause {
        return None;
    }
    let mut j = i + 1;
    while is(words.get(j), TIME_DETERMINERS) {
        j += 1;
    }
    let ordinal = is(words.get(j), SPAN_ORDINALS);
    if ordinal {
        j += 1;
    }
    let quantity = words
        .get(j)
        .is_some_and(|w| is_count(w) || w.lower == "a" || w.lower == "an");
    if quantity {
        j += 1;
    }
    if is(words.get(j), &["working", "business", "calendar"]) {
        j += 1;
    }
    if !(ordinal || quantity) || !is(words.get(j), TIME_UNITS) {
        return None;
    }
    // "within 6 months of launch": the event the span counts from.
    if !words[j].ends_clause
        && is(words.get(j + 1), &["of"])
        && is(
            words.get(j + 2),
            &["launch", "go-live", "start", "joining", "hire", "arrival"],
        )
    {
        j += 2;
    }
    Some(j)
}

/// "by March", "by Q3 2027", "by end of 2027", "by year-end", "before the audit", "by the
/// next budget cycle": the index of its last word.
fn deadline_at(words: &[Word], i: usize) -> Option<usize> {
    let length = DEADLINE_PREPOSITIONS.iter().find_map(|prep| {
        let fits = prep.iter().enumerate().all(|(k, p)| {
            words
                .get(i + k)
                .is_some_and(|w| w.lower == *p && (k + 1 == prep.len() || !w.ends_clause))
        });
        fits.then_some(prep.len())
    })?;
    if words[i + length - 1].ends_clause {
        return None;
    }
    let start = i + length;
    // "by the 2027 renewal" is the renewal, not the year.
    let event = business_event_at(words, start);
    if event.is_some() || words[i].lower == "at" {
        return event;
    }
    calendar_date_after(words, start)
}

/// A calendar date after a deadline preposition, where a month name is unambiguous.
fn calendar_date_after(words: &[Word], start: usize) -> Option<usize> {
    let mut j = start;
    if is(words.get(j), &["the"]) {
        j += 1;
    }
    if is(
        words.get(j),
        &["end", "start", "beginning", "middle", "close"],
    ) && is(words.get(j + 1), &["of"])
    {
        j += 2;
        if is(words.get(j), &["the"]) {
            j += 1;
        }
        if is(words.get(j), &["year", "quarter", "month"]) {
            return Some(j);
        }
    }
    if is(words.get(j), &["mid", "early", "late"]) {
        j += 1;
    }
    if is(words.get(j), MONTHS) {
        return Some(with_year(words, j));
    }
    if is(words.get(j), &["financial", "fiscal"]) && is(words.get(j + 1), &["year"]) {
        return Some(j + 1);
    }
    date_at(words, j)
}

/// A date wherever it stands: a year, "Q3 2027", "FY27", "March 2027", "31 March 2027",
/// "mid-2027", "year-end", "next quarter".
fn date_at(words: &[Word], i: usize) -> Option<usize> {
    let word = words.get(i)?;
    let lower = word.lower.as_str();
    if number(lower) == Some(Number::Date) || PERIOD_ENDS.contains(&lower) {
        return Some(i);
    }
    if let Some(year) = lower
        .strip_prefix("mid-")
        .or_else(|| lower.strip_prefix("end-"))
        && is_year(year)
    {
        return Some(i);
    }
    if is_quarter(lower) {
        return Some(with_year(words, i));
    }
    if is(Some(word), &["this", "next"]) && is(words.get(i + 1), &["year", "quarter", "month"]) {
        return Some(i + 1);
    }
    let day = lower
        .trim_end_matches(['s', 't', 'n', 'd', 'r', 'h'])
        .parse::<u32>()
        .is_ok_and(|d| (1..=31).contains(&d));
    if day && !word.ends_clause && is(words.get(i + 1), MONTHS) {
        return Some(with_year(words, i + 1));
    }
    if is(Some(word), MONTHS) && !word.ends_clause && year_at(words, i + 1) {
        return Some(i + 1);
    }
    None
}

fn is_quarter(lower: &str) -> bool {
    matches!(lower, "q1" | "q2" | "q3" | "q4" | "h1" | "h2")
}

fn year_at(words: &[Word], i: usize) -> bool {
    words
        .get(i)
        .is_some_and(|w| number(&w.lower) == Some(Number::Date))
}

/// The date at `i`, extended to the year that follows it ("March 2027", "Q3 2027").
fn with_year(words: &[Word], i: usize) -> usize {
    if !words[i].ends_clause && year_at(words, i + 1) {
        i + 1
    } else {
        i
    }
}

/// A short phrase ending in an event of the business calendar: "the renewal season", "the
/// next budget cycle", "the 2027 renewal".
fn business_event_at(words: &[Word], start: usize) -> Option<usize> {
    for (k, word) in words.iter().enumerate().skip(start).take(5) {
        if BUSINESS_EVENTS.contains(&word.lower.as_str()) {
            // "the renewal season": the event may take two words.
            let two = !word.ends_clause && is(words.get(k + 1), BUSINESS_EVENTS);
            return Some(if two { k + 1 } else { k });
        }
        let a_year = number(&word.lower) == Some(Number::Date);
        if word.ends_clause
            || PHRASE_STOPS.contains(&word.lower.as_str())
            || (!a_year && (is_count(word) || number(&word.lower).is_some()))
            || is_fraction_word(&word.lower)
        {
            return None;
        }
    }
    None
}

// ---- targets ----------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A number, percentage, amount or fraction.
    Amount,
    /// A multiple: "10x", "double", "tenfold".
    Multiple,
    /// A state the result reaches: "into production".
    State,
}

struct FoundTarget {
    span: Span,
    kind: Target,
}

#[rustfmt::skip]
const MULTIPLE_WORDS: &[&str] = &[
    "double", "doubled", "doubles", "doubling", "twice", "triple", "tripled", "triples",
    "tripling", "treble", "trebled", "quadruple", "quadrupled",
];

fn is_fraction_word(lower: &str) -> bool {
    matches!(
        lower,
        "half" | "halve" | "halved" | "halves" | "halving" | "thirds" | "quarters" | "fifths"
    )
}

/// The target: where "from A to B" goes, or else the first amount, multiple or state.
fn find_target(words: &[Word], taken: &[bool]) -> Option<FoundTarget> {
    let to = from_to(words, taken).map(|(_, to)| FoundTarget {
        span: to,
        kind: Target::Amount,
    });
    to.or_else(|| {
        (0..words.len())
            .filter(|&i| !taken[i])
            .find_map(|i| target_at(words, i))
    })
}

fn target_at(words: &[Word], i: usize) -> Option<FoundTarget> {
    let word = &words[i];
    let lower = word.lower.as_str();
    let at = |kind| {
        Some(FoundTarget {
            span: Span { start: i, end: i },
            kind,
        })
    };
    match number(lower) {
        Some(Number::Count) => return at(Target::Amount),
        Some(Number::Multiple) => return at(Target::Multiple),
        _ => {}
    }
    if NUMBER_WORDS.contains(&lower) {
        // "one of the most AI-forward insurers" counts nothing; nor does "no one".
        let idiom = lower == "one"
            && (is(words.get(i + 1), &["of"]) || (i > 0 && is(words.get(i - 1), &["no", "any"])));
        return if idiom { None } else { at(Target::Amount) };
    }
    if is_fraction_word(lower) {
        return at(Target::Amount);
    }
    // "a third", "one quarter", "by a fifth": a fraction, not an ordinal ("the third use case").
    if matches!(lower, "third" | "quarter" | "fifth" | "tenth")
        && i > 0
        && is(words.get(i - 1), &["a", "one"])
    {
        return at(Target::Amount);
    }
    if MULTIPLE_WORDS.contains(&lower) || (lower.ends_with("fold") && lower.len() > "fold".len()) {
        return at(Target::Multiple);
    }
    let reached = match lower {
        "production" => &["to", "into", "in"][..],
        "live" => &["go", "goes", "went", "gone"][..],
        _ => &[][..],
    };
    if i > 0 && is(words.get(i - 1), reached) {
        return Some(FoundTarget {
            span: Span {
                start: i - 1,
                end: i,
            },
            kind: Target::State,
        });
    }
    None
}

/// "from £4.10 to £2.50", "from the partner's prototype to production": the span before
/// `from` (what moves) and the span after `to` (the target).
fn from_to(words: &[Word], taken: &[bool]) -> Option<(Span, Span)> {
    let from = (0..words.len()).find(|&i| words[i].lower == "from" && !taken[i])?;
    let to = (from + 2..words.len().min(from + 9))
        .take_while(|&k| !words[k - 1].ends_clause)
        .find(|&k| words[k].lower == "to" && !taken[k])?;
    let target_end = (to + 1..words.len().min(to + 5))
        .take_while(|&k| !taken[k] && !PHRASE_STOPS.contains(&words[k].lower.as_str()))
        .scan(false, |ended, k| {
            let keep = !*ended;
            *ended = words[k].ends_clause;
            keep.then_some(k)
        })
        .last()?;
    let clause_start = (0..from)
        .rev()
        .find(|&k| words[k].ends_clause || taken[k])
        .map_or(0, |k| k + 1);
    let names =
        (clause_start..from).any(|k| is_content(&words[k]) && !is_change_verb(&words[k].lower));
    names.then(|| {
        (
            Span {
                start: clause_start,
                end: from - 1,
            },
            Span {
                start: to + 1,
                end: target_end,
            },
        )
    })
}

// ---- what moves -------------------------------------------------------------------------

/// Verbs of change: their object is what moves.
#[rustfmt::skip]
const CHANGE_VERBS: &[&str] = &[
    "cut", "reduce", "lower", "decrease", "shrink", "shorten", "halve", "raise", "increase",
    "grow", "lift", "boost", "improve", "double", "triple", "treble", "ship", "deploy",
    "launch", "put", "move", "take", "bring", "reach", "hit", "achieve", "attain", "keep",
    "hold", "maintain", "sustain", "save", "eliminate", "remove", "retire", "automate",
    "deflect", "resolve", "answer", "process", "handle", "deliver", "build", "migrate",
    "onboard", "expand", "scale", "accelerate", "speed", "recover", "win", "generate", "drop",
    "get", "replace", "consolidate", "decommission", "pass", "serve", "free", "settle", "clear",
    "prevent", "detect", "catch",
];
const IRREGULAR_FORMS: &[(&str, &str)] = &[
    ("grew", "grow"),
    ("grown", "grow"),
    ("took", "take"),
    ("taken", "take"),
    ("brought", "bring"),
    ("kept", "keep"),
    ("held", "hold"),
    ("won", "win"),
    ("built", "build"),
    ("got", "get"),
    ("caught", "catch"),
    ("sped", "speed"),
];
/// Nouns of change: "a 30% reduction in handling time".
#[rustfmt::skip]
const CHANGE_NOUNS: &[&str] = &[
    "reduction", "reductions", "cut", "cuts", "increase", "decrease", "growth", "drop", "fall",
    "rise", "improvement", "uplift", "gain", "gains", "lift",
];
/// Metrics named by one word.
#[rustfmt::skip]
const METRICS: &[&str] = &[
    "cost", "costs", "spend", "revenue", "margin", "margins", "churn", "nps", "csat",
    "satisfaction", "retention", "conversion", "accuracy", "precision", "recall", "latency",
    "throughput", "backlog", "turnaround", "error", "errors", "incidents", "defects",
    "resolution", "adoption", "usage", "uptime", "availability", "savings", "fte", "ftes",
    "sla", "aht", "p95", "p99", "lead-time", "cycle-time", "metric", "metrics", "kpi", "mape",
    "straight-through", "acceptance", "accepting",
];
/// "handling time", "error rate", "share of claims": a metric named by its qualifier.
const METRIC_HEADS: &[&str] = &["time", "times", "rate", "rates", "share", "ratio", "score"];
const COMPARATIVES: &[&str] = &[
    "faster", "quicker", "lower", "higher", "fewer", "shorter", "cheaper", "smaller", "greater",
    "bigger",
];
/// Objects that name no result: "deliver AI", "drive value", "own the strategy".
#[rustfmt::skip]
const VAGUE_OBJECTS: &[&str] = &[
    "ai", "genai", "gen-ai", "value", "innovation", "transformation", "things", "strategy",
    "vision", "impact", "outcomes", "results", "excellence", "synergies", "it", "everything",
    "agenda", "journey", "culture", "maturity", "progress", "success", "ai-first", "more",
    "less", "productivity", "efficiency", "efficiencies", "gains", "improvement",
    "improvements", "benefits",
];
/// Words that lead into an object without naming it.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "our", "its", "their", "every", "each", "all", "this", "that", "these",
    "those", "up", "down", "least", "most", "no", "any", "new",
];
/// Units a count may be of without naming a result ("10 days", "30 percent").
const COUNT_UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
    "minutes", "percent", "per", "points", "pp", "times",
];

fn find_moves(words: &[Word], taken: &[bool]) -> Option<Span> {
    let free = |i: &usize| !taken[*i];
    let found = [
        (0..words.len())
            .filter(free)
            .find_map(|i| changed_at(words, taken, i)),
        from_to(words, taken).map(|(moves, _)| moves),
        (0..words.len())
            .filter(free)
            .find_map(|i| metric_at(words, i)),
        (0..words.len())
            .filter(free)
            .find_map(|i| counted_at(words, taken, i)),
    ];
    found.into_iter().flatten().min_by_key(|span| span.start)
}

fn is_change_verb(lower: &str) -> bool {
    if let Some((_, base)) = IRREGULAR_FORMS.iter().find(|(form, _)| *form == lower) {
        return CHANGE_VERBS.contains(base);
    }
    let mut stems = vec![lower.to_string()];
    for (suffix, replacement) in [
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ied", "y"),
        ("ies", "y"),
    ] {
        if let Some(stem) = lower.strip_suffix(suffix) {
            stems.push(format!("{stem}{replacement}"));
            // "shipped", "cutting": the doubled consonant.
            let mut chars = stem.chars().rev();
            if let (Some(a), Some(b)) = (chars.next(), chars.next())
                && a == b
                && replacement.is_empty()
            {
                stems.push(stem[..stem.len() - 1].to_string());
            }
        }
    }
    stems.iter().any(|s| CHANGE_VERBS.contains(&s.as_str()))
}

fn is_content(word: &Word) -> bool {
    let lower = word.lower.as_str();
    !DETERMINERS.contains(&lower)
        && !PHRASE_STOPS.contains(&lower)
        && !VAGUE_OBJECTS.contains(&lower)
        && !is_count(word)
        && number(lower).is_none()
        && !MULTIPLE_WORDS.contains(&lower)
        && !is_fraction_word(lower)
}

/// The object after `verb`: the words up to a preposition or the end of the clause, if one
/// of them names something ("cut [the cost per resolved ticket]", "save [£2m]").
fn object_after(words: &[Word], taken: &[bool], verb: usize) -> Option<usize> {
    let mut named = false;
    let mut end = verb;
    for (k, word) in words.iter().enumerate().skip(verb + 1).take(8) {
        let lower = word.lower.as_str();
        // "at least 300 cases", "cost per claim", "40% of invoices": still the object.
        let inside = DETERMINERS.contains(&lower)
            || lower == "per"
            || (lower == "of" && !named)
            || (lower == "at" && is(words.get(k + 1), &["least", "most"]));
        if taken[k] || (PHRASE_STOPS.contains(&lower) && !inside) {
            break;
        }
        let an_amount = lower.starts_with(['£', '€', '$']) && number(lower).is_some();
        named |= is_content(word) || an_amount;
        end = k;
        if word.ends_clause {
            break;
        }
    }
    named.then_some(end)
}

/// A verb of change with an object ("cut claims handling time"), or a noun of change with
/// one ("a reduction in handling time").
fn changed_at(words: &[Word], taken: &[bool], i: usize) -> Option<Span> {
    let word = &words[i];
    if word.ends_clause {
        return None;
    }
    let lower = word.lower.as_str();
    let start = if is_change_verb(lower) {
        i
    } else if is(Some(word), &["go", "goes", "went"])
        && is(words.get(i + 1), &["live"])
        && is(words.get(i + 2), &["with"])
    {
        // "go live with the claims assistant".
        i + 2
    } else if CHANGE_NOUNS.contains(&lower) && is(words.get(i + 1), &["in", "of"]) {
        i + 1
    } else if COMPARATIVES.contains(&lower) {
        // "10x faster quote turnaround", "lower cost per claim".
        i
    } else {
        return None;
    };
    let end = object_after(words, taken, start)?;
    Some(Span { start: i, end })
}

/// A metric named anywhere: "NPS", "cost per claim", "handling time", "error rate".
fn metric_at(words: &[Word], i: usize) -> Option<Span> {
    let lower = words[i].lower.as_str();
    if METRICS.contains(&lower) {
        return Some(Span { start: i, end: i });
    }
    let qualified = i > 0 && !words[i - 1].ends_clause && is_content(&words[i - 1]);
    (METRIC_HEADS.contains(&lower) && qualified).then(|| Span {
        start: i - 1,
        end: i,
    })
}

/// A counted result: "two use cases in production", "300 graded cases", "zero critical
/// findings".
fn counted_at(words: &[Word], taken: &[bool], i: usize) -> Option<Span> {
    let word = &words[i];
    if !is_count(word) || word.ends_clause || target_at(words, i).is_none() {
        return None;
    }
    let next = words.get(i + 1)?;
    if COUNT_UNITS.contains(&next.lower.as_str()) {
        return None;
    }
    let end = object_after(words, taken, i)?;
    Some(Span { start: i, end })
}

// ---- results and activity ---------------------------------------------------------------

/// Words that say something runs or is used: an operating result.
#[rustfmt::skip]
const OPERATING: &[&str] = &[
    "production", "live", "use", "uses", "used", "using", "adoption", "adopted", "on-call",
    "runbook", "runbooks", "incident", "incidents", "uptime", "passed", "running", "moved",
];

/// Activity a brief is measured in instead of a result, with how a finding names it.
const ACTIVITY: &[(&[&str], &str)] = &[
    (&["pilot"], "a pilot"),
    (&["pilots"], "a pilot"),
    (&["piloted"], "a pilot"),
    (&["piloting"], "a pilot"),
    (&["demo"], "a demo"),
    (&["demos"], "a demo"),
    (&["demoed"], "a demo"),
    (&["demonstration"], "a demo"),
    (&["demonstrations"], "a demo"),
    (&["showcase"], "a demo"),
    (&["showcases"], "a demo"),
    (&["poc"], "a proof of concept"),
    (&["pocs"], "a proof of concept"),
    (&["proof", "of", "concept"], "a proof of concept"),
    (&["proofs", "of", "concept"], "a proof of concept"),
    (&["proof-of-concept"], "a proof of concept"),
    (&["proofs-of-concept"], "a proof of concept"),
    (&["prototype"], "a prototype"),
    (&["prototypes"], "a prototype"),
    (&["launch"], "a launch"),
    (&["launched"], "a launch"),
    (&["launches"], "a launch"),
    (&["roadmap"], "a roadmap"),
    (&["roadmaps"], "a roadmap"),
    (&["vision"], "a vision"),
    (&["strategy"], "a strategy"),
    (&["strategies"], "a strategy"),
    (&["transformation"], "transformation"),
    (&["transform"], "transformation"),
    (&["quick", "wins"], "quick wins"),
    (&["quick-wins"], "quick wins"),
    (&["relationships"], "relationships"),
    (&["relationship"], "relationships"),
    (&["stakeholders"], "stakeholder engagement"),
    (&["stakeholder"], "stakeholder engagement"),
    (&["thought", "leadership"], "thought leadership"),
    (&["thought-leadership"], "thought leadership"),
    (&["evangelise"], "evangelism"),
    (&["evangelize"], "evangelism"),
    (&["evangelised"], "evangelism"),
    (&["evangelized"], "evangelism"),
    (&["evangelising"], "evangelism"),
    (&["evangelizing"], "evangelism"),
    (&["evangelism"], "evangelism"),
    (&["hackathon"], "a hackathon"),
    (&["hackathons"], "a hackathon"),
    (&["workshop"], "workshops"),
    (&["workshops"], "workshops"),
    (&["awareness"], "awareness"),
    (&["presentation"], "a presentation"),
    (&["presentations"], "a presentation"),
    (&["presented"], "a presentation"),
    (&["deck"], "a presentation"),
    (&["slides"], "a presentation"),
    (&["experiments"], "experiments"),
    (&["experimentation"], "experiments"),
];

/// Something running or used, or a metric with a target ("handling time down 30%"). A
/// count of activity is no target: "Three pilots launched to reduce handling time".
fn is_operating(words: &[Word]) -> bool {
    let operating = |i: usize| {
        let word = words[i].lower.as_str();
        let use_case = word.starts_with("use")
            && words
                .get(i + 1)
                .is_some_and(|next| next.lower.starts_with("case"));
        OPERATING.contains(&word) && !use_case
    };
    if (0..words.len()).any(operating) {
        return true;
    }
    let metric = (0..words.len()).any(|i| metric_at(words, i).is_some());
    let target = (0..words.len())
        .any(|i| target_at(words, i).is_some() && activity_at(words, i + 1).is_none());
    metric && target
}

/// The activity the words name, the first of `ACTIVITY`'s order ("Launch three pilots" is
/// a pilot).
fn activity(words: &[Word]) -> Option<&'static str> {
    ACTIVITY.iter().find_map(|(phrase, kind)| {
        (0..words.len())
            .any(|i| names_activity(words, i, phrase))
            .then_some(*kind)
    })
}

/// The activity named by the words starting at `i`.
fn activity_at(words: &[Word], i: usize) -> Option<&'static str> {
    ACTIVITY
        .iter()
        .find_map(|(phrase, kind)| names_activity(words, i, phrase).then_some(*kind))
}

fn names_activity(words: &[Word], i: usize, phrase: &[&str]) -> bool {
    phrase
        .iter()
        .enumerate()
        .all(|(k, p)| words.get(i + k).is_some_and(|w| w.lower == *p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Part::{Moves, Target, Time};

    /// (outcome, the parts it leaves out): real outcomes from AI job ads and briefs.
    const OUTCOMES: &[(&str, &[Part])] = &[
        // Measurable: what moves, by how much, by when.
        (
            "Reduce claims handling time by 30 percent across two business units within 12 months",
            &[],
        ),
        (
            "Cut the cost per resolved ticket from £4.10 to £2.50 by Q4 2027",
            &[],
        ),
        (
            "Cut handling time by a third before the renewal season",
            &[],
        ),
        ("Cut claims handling time by 30% within 12 months.", &[]),
        (
            "Raise first-contact resolution from 62% to 75% within 9 months",
            &[],
        ),
        ("Lift NPS by 10 points before the 2027 renewal", &[]),
        (
            "Save £2m in outsourced document review by the next budget cycle",
            &[],
        ),
        (
            "Deliver €500k of annual savings in the first 12 months",
            &[],
        ),
        ("Free up 3 FTE of manual claims review within a year", &[]),
        ("Halve the invoice exception backlog by March", &[]),
        (
            "Double the share of claims settled without a handler by end of 2027",
            &[],
        ),
        (
            "Reduce the error rate of claims triage by two thirds before the audit",
            &[],
        ),
        (
            "Two use cases in production with named owners by Q3 2027",
            &[],
        ),
        ("Grow adoption to 12 teams by the end of Q2", &[]),
        (
            "Increase revenue per adviser by $1.2M within 18 months",
            &[],
        ),
        (
            "10x faster quote turnaround for brokers by the 2027 renewal",
            &[],
        ),
        (
            "Put three prioritized AI use cases into production within 12 months, each with a named owner after launch",
            &[],
        ),
        (
            "Take the claims triage model from the partner's prototype to production within 6 months of launch",
            &[],
        ),
        (
            "Within 6 months, put every new AI use case through a risk review before build starts, with review turnaround under 10 working days",
            &[],
        ),
        (
            "Build an eval suite of at least 300 graded cases for the first LLM use case within 4 months",
            &[],
        ),
        (
            "Within 9 months, deploy every claims model and prompt change through one pipeline in under 2 days",
            &[],
        ),
        (
            "Bring p95 latency of the assistant under 800 ms by Q3 2027",
            &[],
        ),
        ("A 20% reduction in churn among SME customers by FY27", &[]),
        (
            "Answer 40k support tickets a month with the assistant by year-end",
            &[],
        ),
        (
            "Ship one model to production by Q3 with an eval suite.",
            &[],
        ),
        // Vague: something missing, and the finding says what.
        (
            "Drive AI transformation across the business",
            &[Moves, Target, Time],
        ),
        ("Own the AI strategy and vision", &[Moves, Target, Time]),
        ("Improve service operations with AI", &[Target, Time]),
        (
            "Be one of the most AI-forward insurers in Europe",
            &[Moves, Target, Time],
        ),
        ("Deliver AI for 2026", &[Moves, Target]),
        ("Be 10x more productive with AI", &[Moves, Target, Time]),
        ("Within a quarter", &[Moves, Target]),
        (
            "Make the company AI-first within 18 months",
            &[Moves, Target],
        ),
        (
            "Leverage generative AI to unlock value",
            &[Moves, Target, Time],
        ),
        ("Cut costs with AI by 2027", &[Target]),
        (
            "Reduce claims handling time by 30% across two business units",
            &[Time],
        ),
        ("Halve review time for contracts", &[Time]),
        ("Improve the accuracy of our models", &[Target, Time]),
        ("Increase adoption of AI tools by Q2 2027", &[Target]),
        ("Build a world-class AI team", &[Target, Time]),
        (
            "Explore use cases for large language models",
            &[Moves, Target, Time],
        ),
        ("Deliver innovation at pace", &[Moves, Target, Time]),
        ("Reduce the error rate in claims triage by March", &[Target]),
        ("30% by Q3 2027", &[Moves]),
        ("Achieve a 20-point NPS lift within 12 months", &[]),
        (
            "Reduce false positives in AML screening by 40% before the regulator's 2027 review",
            &[],
        ),
        (
            "Deliver a 20% productivity improvement within 12 months",
            &[Moves],
        ),
        (
            "Help the business achieve 10x productivity gains with AI",
            &[Moves, Target, Time],
        ),
        (
            "Accelerate time-to-value of AI initiatives",
            &[Target, Time],
        ),
        ("", &[Moves, Target, Time]),
    ];

    #[test]
    fn outcomes_are_read_for_what_moves_its_target_and_time() {
        let mut wrong = Vec::new();
        for (outcome, missing) in OUTCOMES {
            let reading = read(outcome);
            if reading.missing() != *missing {
                wrong.push(format!(
                    "{outcome:?}: expected {missing:?} missing, read {reading:?}"
                ));
            }
        }
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
        assert!(OUTCOMES.len() >= 40);
    }

    #[test]
    fn a_reading_quotes_the_words_it_found() {
        let reading = read("Cut the cost per resolved ticket from £4.10 to £2.50 by Q4 2027.");
        assert_eq!(
            reading,
            Reading {
                moves: Some("Cut the cost per resolved ticket".into()),
                target: Some("£2.50".into()),
                time: Some("by Q4 2027".into()),
            }
        );
        let reading = read("Cut handling time by a third before the renewal season");
        assert_eq!(reading.target.as_deref(), Some("third"));
        assert_eq!(reading.time.as_deref(), Some("before the renewal season"));
        assert_eq!(
            read("Ship two use cases in the first 12 months")
                .time
                .as_deref(),
            Some("in the first 12 months")
        );
    }

    #[test]
    fn a_year_or_a_date_alone_is_a_time_not_a_target() {
        for outcome in [
            "Cut costs by 2027",
            "Cut costs in Q3 2027",
            "Cut costs by FY2027/28",
        ] {
            let reading = read(outcome);
            assert!(reading.time.is_some(), "{outcome}: {reading:?}");
            assert_eq!(reading.target, None, "{outcome}");
        }
    }

    /// (success measure, what it holds the role to).
    const MEASURES: &[(&str, Measure)] = &[
        (
            "One system in production with an eval suite and runbook",
            Measure::Result,
        ),
        ("Readiness audit delivered", Measure::Milestone),
        (
            "Claims handlers in the pilot unit use the triage queue for every new motor claim",
            Measure::Result,
        ),
        ("Handling time down 30%", Measure::Result),
        (
            "Median review turnaround under 10 working days",
            Measure::Result,
        ),
        (
            "Model retrained at least once through the pipeline without incident",
            Measure::Result,
        ),
        (
            "Delivery plan for the first two use cases with owners, dependencies and eval criteria",
            Measure::Milestone,
        ),
        (
            "Candidate use cases ranked by value, feasibility and risk",
            Measure::Milestone,
        ),
        ("Three GenAI pilots launched", Measure::Activity("a pilot")),
        (
            "Proofs of concept delivered for five use cases",
            Measure::Activity("a proof of concept"),
        ),
        (
            "AI strategy and roadmap presented to the board",
            Measure::Activity("a roadmap"),
        ),
        (
            "Relationships built with every business unit",
            Measure::Activity("relationships"),
        ),
        (
            "Key stakeholders engaged and aligned",
            Measure::Activity("stakeholder engagement"),
        ),
        (
            "Evangelise AI across the group through thought leadership",
            Measure::Activity("thought leadership"),
        ),
        ("Quick wins identified", Measure::Activity("quick wins")),
        (
            "A polished demo of the claims assistant for the executive team",
            Measure::Activity("a demo"),
        ),
        (
            "Pilot cut handling time by 20% in the motor unit",
            Measure::Result,
        ),
        (
            "Three pilots launched to reduce handling time",
            Measure::Activity("a pilot"),
        ),
        // A metric held at its target is a result ("forecast error", "straight-through
        // processing": metrics of forecasting and of document automation).
        (
            "Forecast error at 12% MAPE or below across all categories",
            Measure::Result,
        ),
        (
            "60% straight-through processing across all suppliers",
            Measure::Result,
        ),
        (
            "Error budget agreed with the product team",
            Measure::Milestone,
        ),
        // Suggestions accepted by the people they are for is adoption, held at a target; a
        // design accepted by a board is a milestone.
        (
            "Agents accepting at least 40% of suggestions across all enterprise customers",
            Measure::Result,
        ),
        (
            "Suggestion acceptance above 35% in the pilot team",
            Measure::Result,
        ),
        ("Design accepted by the board", Measure::Milestone),
    ];

    #[test]
    fn measures_are_results_activity_or_milestones() {
        let wrong: Vec<String> = MEASURES
            .iter()
            .filter(|(text, expected)| measure(text) != *expected)
            .map(|(text, expected)| {
                format!("{text:?}: expected {expected:?}, got {:?}", measure(text))
            })
            .collect();
        assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    }

    #[test]
    fn any_fragment_reads_without_a_panic() {
        let odd = [
            "",
            "by",
            "from to",
            "£",
            "within the first",
            "—",
            "Q3",
            "by the",
            "at",
            "10x",
            "a third",
            "in time",
            "no later than",
            "from £ to",
            "31st",
            "FY",
            "2027-",
            "£.5m",
            "use",
            "one",
        ];
        let phrases = OUTCOMES
            .iter()
            .map(|(o, _)| *o)
            .chain(MEASURES.iter().map(|(m, _)| *m));
        for phrase in phrases.chain(odd) {
            let words: Vec<&str> = phrase.split(' ').collect();
            for start in 0..words.len() {
                for end in start..=words.len() {
                    let fragment = words[start..end].join(" ");
                    let _ = (read(&fragment), measure(&fragment));
                }
            }
        }
    }
}
