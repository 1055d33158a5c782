//! The lints of a brief as a job post. `posting-incomplete`: an open brief whose post lacks
//! what schema.org's JobPosting (and so every job board) requires: who is hiring, and where
//! the job is or where a remote candidate may work from. `missing-pay-range`: an open
//! brief that states no pay range, and any brief whose probes or fields ask a candidate
//! for their pay history; both break pay-transparency law where site.yaml's
//! `pay_transparency.jurisdiction` names one, and are errors there.

use super::text::{FieldText, at_text, front_texts};
use super::*;
use crate::content::role::WorkModel;
use crate::playbook::job_facts::{is_open, place};
use crate::playbook::posting::posting;

/// `posting-incomplete`: each required part of a JobPosting the open brief's post lacks.
pub(super) fn posting_incomplete(config: &Config, role: &Role) -> Vec<Diagnostic> {
    if !is_open(config, role) {
        return Vec::new();
    }
    let post = posting(config, role);
    let mut found = Vec::new();
    if post.organization.is_none() {
        found.push(
            at_key(
                role,
                "status",
                "open brief cannot be posted: site.yaml names no `organization` (who is hiring)",
            )
            .with_help(
                "add `organization: {name: ..., url: ...}` to site.yaml: a job post names its employer",
            ),
        );
    }
    if post.location.iter().all(|l| l.trim().is_empty()) && post.remote_regions.is_empty() {
        found.push(
            at_key(
                role,
                "status",
                "open brief says neither where the job is (`location`) nor where a remote candidate may work from (`remote.regions`)",
            )
            .with_help(
                "add `location: [\"Hamburg, Germany\"]`, or `work_model: remote` with `remote: {regions: [EU]}`",
            ),
        );
    } else if post.work_model == Some(WorkModel::Remote) && post.remote_regions.is_empty() {
        found.push(
            at_key(
                role,
                "work_model",
                "remote job with no `remote.regions`: job boards ask where a remote candidate may work from",
            )
            .with_help("add `remote: {regions: [EU]}` (countries or regions)"),
        );
    }
    for (index, location) in role.front.location.iter().enumerate() {
        if location.trim().is_empty() || place(location).country.is_some() {
            continue;
        }
        let text = FieldText {
            key: "location".into(),
            index: Some(index),
            value: location,
        };
        found.push(
            at_text(
                role,
                &text,
                0,
                format!("location \"{location}\" names no country"),
            )
            .with_help(format!(
                "write the town and the country, e.g. \"{}, Germany\"; for anywhere in a country, use `remote: {{regions: [...]}}`",
                location.trim()
            )),
        );
    }
    found
        .into_iter()
        .filter_map(|d| finding(config, Some(role), "posting-incomplete", d))
        .collect()
}

/// A `missing-pay-range` finding: a warning, or an error under a jurisdiction whose law it
/// breaks (unless site.yaml sets the lint's level itself). The help names the law.
fn pay_finding(config: &Config, role: &Role, d: Diagnostic) -> Option<Diagnostic> {
    let law = config.pay_transparency.jurisdiction.pay_law();
    let d = match law {
        Some(law) => {
            let help = d.help.clone().unwrap_or_default();
            d.with_help(format!(
                "{help}; the law of site.yaml's `pay_transparency.jurisdiction`: {law}"
            ))
        }
        None => d,
    };
    let mut d = finding(config, Some(role), "missing-pay-range", d)?;
    if law.is_some() && !config.lints.contains_key("missing-pay-range") {
        d.severity = Severity::Error;
    }
    Some(d)
}

/// `missing-pay-range`: an open brief without `pay` or a level band, and every text of any
/// brief that asks a candidate for their pay history.
pub(super) fn missing_pay_range(config: &Config, role: &Role) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    if is_open(config, role) && posting(config, role).pay.is_none() {
        let d = match &role.front.level {
            Some(level) => at_key(
                role,
                "level",
                format!(
                    "open brief states no pay range: no `pay`, and level `{}` has no pay band",
                    level.value
                ),
            )
            .with_help(format!(
                "add `pay: {{min, max, currency, period}}`, or a `pay` band to level `{}` in site.yaml",
                level.value
            )),
            None => at_key(
                role,
                "status",
                "open brief states no pay range: no `pay`, and no `level` with a pay band",
            )
            .with_help(
                "add `pay: {min: 72000, max: 90000, currency: EUR, period: year}`, or a `level` whose site.yaml band has `pay`",
            ),
        };
        found.extend(pay_finding(config, role, d));
    }
    for text in front_texts(role) {
        let Some((at, words)) = asks_pay_history(text.value) else {
            continue;
        };
        let d = at_text(
            role,
            &text,
            at,
            format!("`{}` asks for pay history: \"{words}\"", text.key),
        )
        .with_help(
            "ask what the candidate expects to earn, and state the range; never what they earn or earned",
        );
        found.extend(pay_finding(config, role, d));
    }
    found
}

/// Words that point at a candidate's pay now or before.
const WHEN: &[&str] = &[
    "current",
    "currently",
    "present",
    "existing",
    "previous",
    "prior",
    "last",
    "past",
    "former",
    "recent",
    "latest",
    // German, as inflected.
    "aktuell",
    "aktuelle",
    "aktuelles",
    "aktuellen",
    "aktueller",
    "derzeitig",
    "derzeitige",
    "derzeitiges",
    "derzeitigen",
    "jetzige",
    "jetziges",
    "jetzigen",
    "bisherige",
    "bisheriges",
    "bisherigen",
    "letzte",
    "letztes",
    "letzten",
    "vorherige",
    "vorheriges",
    "vorherigen",
];

/// Words for pay that mean the candidate's own pay after "current", "last"...
const PAY: &[&str] = &[
    "salary",
    "salaries",
    "pay",
    "compensation",
    "remuneration",
    "wage",
    "wages",
    "earnings",
    "gehalt",
    "jahresgehalt",
    "bruttogehalt",
    "lohn",
    "vergütung",
    "einkommen",
    "bezüge",
];

/// Words for pay that mean it only with "your" ("your last package"; not "the last
/// package release").
const YOUR_PAY: &[&str] = &[
    "package", "income", "comp", "bonus", "rate", "payslip", "payslips", "paystub", "paystubs",
];

/// Words after a pay word that make it the employer's pay system, not the candidate's pay
/// ("current salary bands", "previous pay gap report").
const SYSTEM: &[&str] = &[
    "band",
    "bands",
    "range",
    "ranges",
    "structure",
    "structures",
    "framework",
    "policy",
    "policies",
    "review",
    "reviews",
    "budget",
    "budgets",
    "benchmark",
    "benchmarks",
    "survey",
    "surveys",
    "scale",
    "scales",
    "grid",
    "grids",
    "transparency",
    "gap",
    "gaps",
    "equity",
    "equality",
    "audit",
    "audits",
    "data",
    "law",
    "laws",
    "rules",
    "system",
    "systems",
    "process",
];

/// Words before "current", "last"... that make it someone else's pay ("our current pay
/// bands", "the team's current compensation").
const NOT_THEIRS: &[&str] = &[
    "our",
    "the",
    "their",
    "team's",
    "company's",
    "staff",
    "employee",
    "employees",
    "market",
];

/// Words that turn a mention of pay history into a rule against asking for it ("Do not
/// ask for salary history").
const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "don't",
    "dont",
    "no",
    "without",
    "avoid",
    "banned",
    "bans",
    "forbidden",
    "illegal",
    "unlawful",
    "nicht",
    "kein",
    "keine",
    "nie",
];

/// Words that are pay history on their own.
const HISTORY_WORDS: &[&str] = &[
    "gehaltshistorie",
    "gehaltsnachweis",
    "gehaltsnachweise",
    "gehaltsabrechnung",
    "gehaltsabrechnungen",
    "lohnabrechnung",
    "lohnabrechnungen",
];

/// A word of a text: where it starts and ends, and the word lowercased.
type Word = (usize, usize, String);

/// The words of a text, lowercased, with where each starts and ends in it; `.`, `;`, `:`,
/// `?`, `!` and line breaks end a clause (`None` between clauses).
fn words(text: &str) -> Vec<Option<Word>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if is_word(c) && i < text.len() {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let written = text[s..i].trim_matches(|c| c == '\'' || c == '’' || c == '-');
            if !written.is_empty() {
                let start = s + text[s..i].find(written).unwrap_or(0);
                let word = written.replace('’', "'").to_lowercase();
                out.push(Some((start, start + written.len(), word)));
            }
        }
        if ".;:?!\n".contains(c) {
            out.push(None);
        }
    }
    out
}

/// Where `text` asks a candidate for their pay now or before, and the words that do:
/// "current salary", "your last package", "salary history", "how much do you earn",
/// "aktuelles Gehalt", "Gehaltshistorie". Expectations ("salary expectations"), the pay a
/// post offers ("Pay: EUR 72,000–90,000"), the employer's pay system ("our current salary
/// bands") and rules against asking ("never ask for salary history") are not.
pub(super) fn asks_pay_history(text: &str) -> Option<(usize, String)> {
    let tokens = words(text);
    // Clauses, as runs of words.
    let clauses: Vec<&[Option<Word>]> = tokens
        .split(Option::is_none)
        .filter(|c| !c.is_empty())
        .collect();
    for clause in clauses {
        let words: Vec<(usize, &str)> = clause
            .iter()
            .flatten()
            .map(|(at, _, w)| (*at, w.as_str()))
            .collect();
        let ends: Vec<usize> = clause.iter().flatten().map(|(_, end, _)| *end).collect();
        let word = |i: usize| words.get(i).map_or("", |w| w.1);
        let negated = |i: usize| (i.saturating_sub(6)..i).any(|j| NEGATIONS.contains(&word(j)));
        let phrase = |from: usize, to: usize| -> String {
            text.get(words[from].0..ends[to])
                .unwrap_or(words[from].1)
                .to_string()
        };
        for (i, &(at, w)) in words.iter().enumerate() {
            // "Gehaltshistorie": history by itself.
            if HISTORY_WORDS.contains(&w) && !negated(i) {
                return Some((at, phrase(i, i)));
            }
            // "salary history", "pay histories".
            if (PAY.contains(&w) || YOUR_PAY.contains(&w))
                && matches!(word(i + 1), "history" | "histories")
                && !negated(i)
            {
                return Some((at, phrase(i, i + 1)));
            }
            // "How much do you earn", "what were you paid".
            if matches!(w, "what" | "much")
                && matches!(word(i + 1), "do" | "did" | "are" | "were")
                && word(i + 2) == "you"
            {
                let verb = if matches!(word(i + 3), "currently" | "now") {
                    i + 4
                } else {
                    i + 3
                };
                if matches!(word(verb), "earn" | "earning" | "earned" | "paid") && !negated(i) {
                    let from = if w == "much" && i > 0 && word(i - 1) == "how" {
                        i - 1
                    } else {
                        i
                    };
                    return Some((words[from].0, phrase(from, verb)));
                }
            }
            // "current salary", "your last package", "aktuelles Gehalt".
            if !WHEN.contains(&w) || (i > 0 && NOT_THEIRS.contains(&word(i - 1))) {
                continue;
            }
            let yours = (i.saturating_sub(2)..i)
                .any(|j| matches!(word(j), "your" | "ihr" | "ihre" | "dein" | "deine"));
            for j in i + 1..(i + 4).min(words.len()) {
                let pay = PAY.contains(&word(j)) || (yours && YOUR_PAY.contains(&word(j)));
                if !pay {
                    continue;
                }
                if SYSTEM.contains(&word(j + 1)) || negated(i) {
                    break;
                }
                return Some((at, phrase(i, j)));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::posting::Jurisdiction;
    use crate::content::testing::{config, content};

    /// An open brief as a team posts it, which both lints pass.
    const OPEN: &str = "---
title: Claims ML Engineer
archetype: builder
summary: Builds and runs the claims triage model.
outcome: Cut claims handling time by 30% within 12 months.
decisions: [Which features the triage model uses]
owns_after_launch: [The triage model and its on-call]
capabilities:
  primary: [applied-ml]
success:
  90d: [Baseline model evaluated]
  6m: [Model in production with a runbook]
  12m: [Handling time down 30%]
reports_to: Head of AI
interview_probes:
  - Walk through a model you put into production. What broke, and what did you change?
  - What are your salary expectations?
status: open
level: senior
pay: {min: 72000, max: 88000, currency: EUR, period: year}
location: [\"Hamburg, Germany\"]
work_model: hybrid
employment_type: full_time
---
";

    /// (line, column, severity, message) of each finding of `id` on `brief` in `config`.
    fn found(config: &Config, brief: &str, id: &str) -> Vec<(usize, usize, Severity, String)> {
        let content = content(&[("plan/ml.md", brief.to_string())]);
        let role = content.role("ml").expect("the brief loads");
        check_brief(config, role)
            .into_iter()
            .filter(|d| d.code == Some(id))
            .map(|d| (d.position.line, d.position.column, d.severity, d.message))
            .collect()
    }

    fn with(from: &str, to: &str) -> String {
        assert!(OPEN.contains(from), "{from}");
        OPEN.replacen(from, to, 1)
    }

    #[test]
    fn a_posted_brief_passes_both() {
        let config = config();
        assert_eq!(found(&config, OPEN, "posting-incomplete"), []);
        assert_eq!(found(&config, OPEN, "missing-pay-range"), []);
    }

    #[test]
    fn posting_incomplete_flags_what_a_job_board_requires_and_spares_the_near_misses() {
        let config = config();
        let location = "location: [\"Hamburg, Germany\"]\n";
        // (what the brief says instead, the findings: line, column, message)
        type Finding<'a> = (usize, usize, &'a str);
        let flagged: &[(&str, &str, &[Finding])] = &[
            (
                location,
                "",
                &[(
                    18,
                    1,
                    "open brief says neither where the job is (`location`) nor where a remote candidate may work from (`remote.regions`)",
                )],
            ),
            (
                location,
                "location: [Hamburg]\n",
                &[(21, 12, "location \"Hamburg\" names no country")],
            ),
            (
                "work_model: hybrid",
                "work_model: remote",
                &[(
                    22,
                    1,
                    "remote job with no `remote.regions`: job boards ask where a remote candidate may work from",
                )],
            ),
        ];
        for (from, to, expected) in flagged {
            let got: Vec<(usize, usize, String)> =
                found(&config, &with(from, to), "posting-incomplete")
                    .into_iter()
                    .map(|(line, column, _, message)| (line, column, message))
                    .collect();
            let expected: Vec<(usize, usize, String)> = expected
                .iter()
                .map(|(l, c, m)| (*l, *c, m.to_string()))
                .collect();
            assert_eq!(got, expected, "{to:?}");
        }
        // No organization in site.yaml: nobody is hiring.
        let mut anonymous = config.clone();
        anonymous.organization = None;
        assert_eq!(
            found(&anonymous, OPEN, "posting-incomplete"),
            [(
                18,
                1,
                Severity::Warning,
                "open brief cannot be posted: site.yaml names no `organization` (who is hiring)"
                    .to_string()
            )]
        );
        for (from, to) in [
            // Remote, with the regions a candidate may work from, and no office.
            (location, "remote: {regions: [EU]}\n"),
            (
                "work_model: hybrid",
                "work_model: remote\nremote: {regions: [Germany, Austria]}",
            ),
            // Town, region and country; two places.
            (location, "location: [\"Austin, Texas, USA\"]\n"),
            (
                location,
                "location: [\"Hamburg, Germany\", \"Berlin, Germany\"]\n",
            ),
            // Not open: nothing is posted yet.
            ("status: open\n", "status: planned\n"),
        ] {
            let brief = with(from, to);
            assert_eq!(found(&config, &brief, "posting-incomplete"), [], "{to:?}");
        }
        assert_eq!(
            found(
                &config,
                &with(location, "").replace("status: open", "status: filled"),
                "posting-incomplete"
            ),
            []
        );
    }

    #[test]
    fn missing_pay_range_is_an_error_where_the_law_asks_for_a_range() {
        let no_pay = with(
            "pay: {min: 72000, max: 88000, currency: EUR, period: year}\n",
            "",
        )
        .replace("level: senior\n", "");
        let message =
            "open brief states no pay range: no `pay`, and no `level` with a pay band".to_string();
        // The shipped site.yaml says `jurisdiction: eu`.
        let eu = config();
        assert_eq!(eu.pay_transparency.jurisdiction, Jurisdiction::Eu);
        assert_eq!(
            found(&eu, &no_pay, "missing-pay-range"),
            [(18, 1, Severity::Error, message.clone())]
        );
        let content = content(&[("plan/ml.md", no_pay.clone())]);
        let help = check_brief(&eu, content.role("ml").expect("brief"))
            .into_iter()
            .filter(|d| d.code == Some("missing-pay-range"))
            .find_map(|d| d.help)
            .unwrap_or_default();
        assert!(help.contains("Directive 2023/970, Art. 5"), "{help}");
        for jurisdiction in [
            Jurisdiction::UsNy,
            Jurisdiction::UsCa,
            Jurisdiction::UsCo,
            Jurisdiction::UsWa,
            Jurisdiction::UsIl,
        ] {
            let mut us = eu.clone();
            us.pay_transparency.jurisdiction = jurisdiction;
            assert_eq!(
                found(&us, &no_pay, "missing-pay-range")[0].2,
                Severity::Error,
                "{jurisdiction:?}"
            );
        }
        // `none` keeps it a warning, and so does a level set in site.yaml.
        let mut none = eu.clone();
        none.pay_transparency.jurisdiction = Jurisdiction::None;
        assert_eq!(
            found(&none, &no_pay, "missing-pay-range"),
            [(18, 1, Severity::Warning, message.clone())]
        );
        let mut set = eu.clone();
        set.lints
            .insert("missing-pay-range".into(), crate::config::LintLevel::Warn);
        assert_eq!(
            found(&set, &no_pay, "missing-pay-range")[0].2,
            Severity::Warning
        );
        set.lints
            .insert("missing-pay-range".into(), crate::config::LintLevel::Allow);
        assert_eq!(found(&set, &no_pay, "missing-pay-range"), []);
        // A level whose band has no pay: at the level.
        let mut unbanded = eu.clone();
        for level in &mut unbanded.levels {
            level.pay = None;
        }
        let level_only = with(
            "pay: {min: 72000, max: 88000, currency: EUR, period: year}\n",
            "",
        );
        assert_eq!(
            found(&unbanded, &level_only, "missing-pay-range"),
            [(
                19,
                1,
                Severity::Error,
                "open brief states no pay range: no `pay`, and level `senior` has no pay band"
                    .to_string()
            )]
        );
        // Near misses: the level's band is the range; `pay` alone is; a planned brief is
        // not posted.
        assert_eq!(found(&eu, &level_only, "missing-pay-range"), []);
        assert_eq!(
            found(&unbanded, &with("level: senior\n", ""), "missing-pay-range"),
            []
        );
        assert_eq!(
            found(
                &eu,
                &no_pay.replace("status: open", "status: planned"),
                "missing-pay-range"
            ),
            []
        );
    }

    #[test]
    fn a_probe_of_the_interview_loop_that_asks_for_pay_history_is_flagged() {
        let eu = config();
        let stage = |probe: &str| {
            with(
                "status: open\n",
                &format!(
                    "interview_loop:\n  - stage: Recruiter screen\n    capabilities: [applied-ml]\n    probes: [\"{probe}\"]\nstatus: open\n"
                ),
            )
        };
        let flagged = found(
            &eu,
            &stage("What is your current salary?"),
            "missing-pay-range",
        );
        assert_eq!(flagged.len(), 1, "{flagged:?}");
        // At the words, in the stage's probes (line 21: `    probes: ["What is your…`).
        assert_eq!(
            (flagged[0].0, flagged[0].1),
            (21, 28),
            "at `current salary`: {flagged:?}"
        );
        assert!(
            flagged[0]
                .3
                .contains("`interview_loop.probes` asks for pay history"),
            "{flagged:?}"
        );
        // Asking what the candidate expects to earn is what the law wants instead.
        let fine = stage("What do you expect to earn in this role?");
        assert_eq!(found(&eu, &fine, "missing-pay-range"), []);
    }

    #[test]
    fn missing_pay_range_flags_probes_and_fields_that_ask_for_pay_history() {
        let probe = "  - What are your salary expectations?\n";
        let eu = config();
        // (the probe or field as a real ad writes it, where the finding is, the words)
        let flagged = [
            (
                "  - What is your current salary?\n",
                (17, 18),
                "current salary",
            ),
            (
                "  - Current compensation and notice period?\n",
                (17, 5),
                "Current compensation",
            ),
            (
                "  - Your salary expectations, based on your last package\n",
                (17, 45),
                "last package",
            ),
            (
                "  - Wie hoch ist Ihr aktuelles Gehalt?\n",
                (17, 22),
                "aktuelles Gehalt",
            ),
        ];
        for (text, (line, column), words) in flagged {
            let found = found(&eu, &with(probe, text), "missing-pay-range");
            assert_eq!(
                found,
                [(
                    line,
                    column,
                    Severity::Error,
                    format!("`interview_probes` asks for pay history: \"{words}\"")
                )],
                "{text}"
            );
        }
        // In any field, and on a planned brief too: the question is the problem.
        let note = with(
            "status: open\n",
            "status: planned\ninternal_notes: [Screen on previous salary before the first interview]\n",
        );
        let mut none = eu.clone();
        none.pay_transparency.jurisdiction = Jurisdiction::None;
        assert_eq!(
            found(&none, &note, "missing-pay-range"),
            [(
                19,
                28,
                Severity::Warning,
                "`internal_notes` asks for pay history: \"previous salary\"".to_string()
            )]
        );
        for fine in [
            "  - What are your salary expectations?\n",
            "  - \"Pay: EUR 72,000–90,000 a year. Does that work for you?\"\n",
            "  - How would you budget a team's compensation across two claims units?\n",
            "  - What did you make of the drift in your last deployment?\n",
        ] {
            assert_eq!(
                found(&eu, &with(probe, fine), "missing-pay-range"),
                [],
                "{fine}"
            );
        }
        assert_eq!(
            found(
                &eu,
                &with(
                    "status: open\n",
                    "status: open\ninternal_notes: [Never ask for salary history, the EU directive bans it]\n"
                ),
                "missing-pay-range"
            ),
            []
        );
    }

    #[test]
    fn questions_about_pay_history_are_found_and_expectations_are_not() {
        let asks = [
            ("What is your current salary?", "current salary"),
            (
                "Current compensation and notice period?",
                "Current compensation",
            ),
            (
                "Salary expectations based on your last package",
                "last package",
            ),
            (
                "What was your previous salary, and why did you leave?",
                "previous salary",
            ),
            ("How much do you earn today?", "How much do you earn"),
            (
                "What are you currently paid?",
                "What are you currently paid",
            ),
            ("Please share your salary history.", "salary history"),
            (
                "Attach your last three payslips to the application.",
                "last three payslips",
            ),
            (
                "Your current total compensation, including bonus",
                "current total compensation",
            ),
            ("Wie hoch ist Ihr aktuelles Gehalt?", "aktuelles Gehalt"),
            (
                "Bitte senden Sie uns Ihre Gehaltshistorie.",
                "Gehaltshistorie",
            ),
            ("Ihr bisheriges Jahresgehalt", "bisheriges Jahresgehalt"),
        ];
        for (text, words) in asks {
            let found = asks_pay_history(text);
            assert_eq!(
                found.as_ref().map(|(_, w)| w.as_str()),
                Some(words),
                "{text}"
            );
            let (at, _) = found.unwrap_or_default();
            assert!(text[at..].starts_with(words), "{text} at {at}");
        }
        for fine in [
            "What are your salary expectations?",
            "Salary expectations and notice period",
            "Pay: EUR 72,000–90,000 a year",
            "How would you budget a team's compensation across two claims units?",
            "Benchmarks our current salary bands against the market every year",
            "The current pay range for this level is in site.yaml",
            "Publishes the previous pay gap report with HR",
            "Do not ask candidates for their salary history (EU Directive 2023/970).",
            "Never ask about current salary: ask for expectations.",
            "Walk us through the last model you put into production and what it cost to run.",
            "What did you make of the drift in your last deployment?",
            "Owns the last package release of the eval harness",
            "Ihre Gehaltsvorstellung und Ihr frühester Eintrittstermin",
            "Wir fragen nicht nach Ihrem bisherigen Gehalt.",
            "Cut the current claims backlog by 30% within 12 months; pay is reviewed yearly.",
        ] {
            assert_eq!(asks_pay_history(fine), None, "{fine}");
        }
    }
}
