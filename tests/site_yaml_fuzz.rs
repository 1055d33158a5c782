//! `site.yaml` mutated at random, byte by byte and by structure (wrong types, deep nesting,
//! huge numbers, odd Unicode, aliases), and built: `gen` never panics, every failure says
//! where it is, and a failed build leaves the last good `public/` as it was.
//!
//! A bounded run in `cargo test`; more with `SITE_YAML_FUZZ_SECONDS=600` (or
//! `SITE_YAML_FUZZ_CASES=N`), and another seed with `SITE_YAML_FUZZ_SEED=N`.

mod common;

use std::time::{Duration, Instant};

use common::*;

/// xorshift64*: a seeded generator, so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Values that a key should not hold, or that parsers find hard.
const ODD_VALUES: &[&str] = &[
    "[]",
    "{}",
    "",
    "null",
    "~",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999999999",
    "-9223372036854775809",
    "true",
    "0x7fffffffffffffff",
    ".nan",
    "!!binary aGVsbG8=",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "ℌ𝔢𝔩𝔩𝔬 \u{202e}dlrow\u{202c}",
    "\"\u{1b}]52;c;aGk=\u{7}\"",
    "&x [*x]",
    "*undefined",
    "{key: [a, {b: [c]}]}",
    "- a\n- b",
    "|\n  block\n  text",
    "'unterminated",
    "[unclosed",
];

/// Bytes to insert: the punctuation YAML reads as structure.
const ODD_SNIPPETS: &[&str] = &[
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "\t",
    "\0",
    "#",
    "---\n",
    "...\n",
    "? ",
    "<<: *a\n",
    "\"",
    "'",
    "\r",
    "\u{feff}",
    "%YAML 1.1\n",
    "!",
    "|",
    ">",
    "\u{2028}",
];

/// One mutation of `text`, said in words for the report.
fn mutate(text: &str, rng: &mut Rng) -> (String, String) {
    let mut bytes = text.as_bytes().to_vec();
    let lines: Vec<&str> = text.lines().collect();
    let line = rng.below(lines.len());
    let rebuilt = |lines: Vec<String>| lines.join("\n") + "\n";
    let owned = || lines.iter().map(|l| l.to_string()).collect::<Vec<String>>();
    match rng.below(9) {
        0 => {
            let at = rng.below(bytes.len());
            let byte = u8::try_from(rng.below(256)).unwrap_or(0);
            bytes[at] = byte;
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                format!("byte {at} set to {byte:#04x}"),
            )
        }
        1 => {
            let at = rng.below(bytes.len());
            bytes.truncate(at);
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                format!("cut at byte {at}"),
            )
        }
        2 => {
            let at = rng.below(bytes.len());
            let snippet = rng.pick(ODD_SNIPPETS);
            bytes.splice(at..at, snippet.bytes());
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                format!("{snippet:?} inserted at byte {at}"),
            )
        }
        3 => {
            let mut lines = owned();
            let copy = lines[line].clone();
            lines.insert(line, copy);
            (rebuilt(lines), format!("line {} doubled", line + 1))
        }
        4 => {
            let mut lines = owned();
            lines.remove(line);
            (rebuilt(lines), format!("line {} removed", line + 1))
        }
        5 => {
            let mut lines = owned();
            let shift = rng.below(5);
            lines[line] = format!("{}{}", " ".repeat(shift + 1), lines[line]);
            (
                rebuilt(lines),
                format!("line {} indented by {}", line + 1, shift + 1),
            )
        }
        6 => {
            let depth = 1 + rng.below(400);
            let mut lines = owned();
            let nested = format!("{}x{}", "[".repeat(depth), "]".repeat(depth));
            lines[line] = replace_value(&lines[line], &nested);
            (
                rebuilt(lines),
                format!("line {}: value nested {depth} deep", line + 1),
            )
        }
        7 => {
            let count = 1 + rng.below(3000);
            let mut lines = owned();
            lines[line] = replace_value(&lines[line], &"long text ".repeat(count));
            (
                rebuilt(lines),
                format!("line {}: value of {count} words", line + 1),
            )
        }
        _ => {
            let value = rng.pick(ODD_VALUES);
            let mut lines = owned();
            lines[line] = replace_value(&lines[line], value);
            (
                rebuilt(lines),
                format!("line {}: value {value:?}", line + 1),
            )
        }
    }
}

/// `line` with the value after its key replaced by `value` (or `value` added).
fn replace_value(line: &str, value: &str) -> String {
    match line.split_once(": ") {
        Some((key, _)) => format!("{key}: {value}"),
        None => format!("{line} {value}"),
    }
}

#[test]
fn a_mutated_site_yaml_never_panics_and_every_failure_is_located() {
    let seconds: Option<u64> = std::env::var("SITE_YAML_FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok());
    let cases: usize = std::env::var("SITE_YAML_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if seconds.is_some() { usize::MAX } else { 24 });
    let seed: u64 = std::env::var("SITE_YAML_FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed_1e55);
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let site = small_site();
    let root = site.path();
    gen_in(root).arg("build").assert().success();
    let original = read(root, "site.yaml");
    let mut good = snapshot(&root.join("public"));
    let mut rng = Rng(seed | 1);
    let mut failures = Vec::new();
    let (mut ran, mut refused) = (0, 0);
    while ran < cases && deadline.is_none_or(|d| Instant::now() < d) {
        let (text, how) = mutate(&original, &mut rng);
        write(root, "site.yaml", &text);
        let output = gen_in(root)
            .arg("build")
            .timeout(Duration::from_secs(120))
            .output()
            .expect("runs");
        ran += 1;
        let stderr = String::from_utf8_lossy(&output.stderr);
        let mut fail = |what: &str| {
            failures.push(format!(
                "case {ran} ({how}): {what}\n--- stderr:\n{}",
                stderr.chars().take(2000).collect::<String>()
            ));
        };
        let code = output.status.code();
        if code.is_none() || code == Some(101) || stderr.contains("panicked") {
            fail(&format!("crashed: exit {code:?}"));
        }
        let now = snapshot(&root.join("public"));
        if code == Some(0) {
            good = now;
            continue;
        }
        refused += 1;
        if now != good {
            fail("public/ changed on a failed build");
        }
        if !stderr.contains("site.yaml") && !stderr.contains(".md:") {
            fail("the failure names no file");
        }
    }
    eprintln!("{ran} mutations of site.yaml built, {refused} refused (seed {seed})");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
