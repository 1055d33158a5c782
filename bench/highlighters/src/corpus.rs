//! The code blocks to highlight, and the clock. Shared by every harness in this folder
//! (`#[path]`-included, so the harnesses that cannot share a dependency graph share this).
//!
//! The blocks are those of a unique-code corpus (`bench/make_corpus.py --unique-code`):
//! its YAML and Python blocks as written, and per page a JSON, a bash and a SQL block
//! made here from the same page number, each line unique in the corpus like theirs (the
//! corpus has no blocks in those languages; real playbooks do).

use std::path::Path;

pub const LANGUAGES: [&str; 5] = ["python", "yaml", "json", "bash", "sql"];

pub struct Block {
    pub lang: &'static str,
    pub code: String,
}

impl Block {
    pub fn lines(&self) -> usize {
        self.code.lines().count()
    }
}

/// The blocks of every page under `dir/content/roles`, in file-name order.
pub fn blocks(dir: &Path) -> std::io::Result<Vec<Block>> {
    let mut files: Vec<_> = std::fs::read_dir(dir.join("content/roles"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let mut blocks = Vec::new();
    for (page, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file)?;
        blocks.extend(fenced(&text));
        blocks.extend(made(page));
    }
    Ok(blocks)
}

/// The fenced blocks of a Markdown page in the five languages.
fn fenced(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut open: Option<(&'static str, String)> = None;
    for line in text.lines() {
        if let Some(info) = line.strip_prefix("```") {
            match open.take() {
                Some((lang, code)) => out.push(Block { lang, code }),
                None => {
                    let lang = LANGUAGES.iter().find(|l| **l == info.trim());
                    open = lang.map(|l| (*l, String::new()));
                    if lang.is_none() {
                        // Skip to the closing fence of a block in another language.
                        open = Some(("", String::new()));
                    }
                }
            }
            continue;
        }
        if let Some((_, code)) = open.as_mut() {
            code.push_str(line);
            code.push('\n');
        }
    }
    out.retain(|b| !b.lang.is_empty());
    out
}

/// A JSON, a bash and a SQL block for page `p`: every line names the page, block and line.
fn made(p: usize) -> Vec<Block> {
    let json = format!(
        r#"{{
  "role": "rb-{p:05}.json.01",
  "review": {{
    "cadence": "weekly-{p}",
    "quorum": {q},
    "owners": ["rb-{p:05}.json.05", "rb-{p:05}.json.05b"]
  }},
  "release_gates": {{
    "offline_eval_min": 0.{p:05},
    "max_p95_latency_ms": {ms},
    "human_review_sample": {p}00,
    "blocked": false,
    "note": "gate rb-{p:05}.json.12 \u00e9 \"quoted\""
  }},
  "oncall": {{ "rotation": "rb-{p:05}.json.14", "pager": true, "escalation": null }}
}}
"#,
        q = 2 + p % 4,
        ms = 300 + p,
    );
    let bash = format!(
        r#"#!/usr/bin/env bash  # rb-{p:05}.sh.01
set -euo pipefail  # rb-{p:05}.sh.02
export EVAL_SET="golden-{p}"  # rb-{p:05}.sh.03
for model in baseline candidate-{p}; do  # rb-{p:05}.sh.04
  if ! python3 -m evals.run --set "$EVAL_SET" --model "$model" > "out/{p}-$model.json"; then  # rb-{p:05}.sh.05
    echo "eval failed for $model ({p})" >&2  # rb-{p:05}.sh.06
    exit 1  # rb-{p:05}.sh.07
  fi  # rb-{p:05}.sh.08
done  # rb-{p:05}.sh.09
rate=$(jq '.pass_rate' "out/{p}-candidate-{p}.json")  # rb-{p:05}.sh.10
[[ "$rate" > "0.{p:05}" ]] && echo "ship {p}: $rate" || echo "hold {p}"  # rb-{p:05}.sh.11
"#
    );
    let sql = format!(
        r#"-- Release gate for page {p} (rb-{p:05}.sql.01)
SELECT model, COUNT(*) AS cases, -- rb-{p:05}.sql.02
       AVG(CASE WHEN passed THEN 1.0 ELSE 0.0 END) AS pass_rate -- rb-{p:05}.sql.03
FROM eval_results r -- rb-{p:05}.sql.04
JOIN eval_runs u ON u.id = r.run_id AND u.suite = 'golden-{p}' -- rb-{p:05}.sql.05
WHERE r.created_at >= DATE '2026-01-01' -- rb-{p:05}.sql.06
  AND r.latency_ms < {ms} -- rb-{p:05}.sql.07
GROUP BY model -- rb-{p:05}.sql.08
HAVING AVG(CASE WHEN passed THEN 1.0 ELSE 0.0 END) > 0.{p:05} -- rb-{p:05}.sql.09
ORDER BY pass_rate DESC -- rb-{p:05}.sql.10
LIMIT 10; -- rb-{p:05}.sql.11
"#,
        ms = 300 + p,
    );
    vec![
        Block {
            lang: "json",
            code: json,
        },
        Block {
            lang: "bash",
            code: bash,
        },
        Block {
            lang: "sql",
            code: sql,
        },
    ]
}

/// CPU time of the calling thread (the machine is shared: wall time counts others' work).
pub fn thread_cpu() -> std::time::Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid out-pointer; CLOCK_THREAD_CPUTIME_ID exists on Linux.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    std::time::Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// What each harness starts with: the corpus's blocks and the number of runs, from its
/// arguments (`CORPUS_DIR [RUNS]`), with the load average before it measures (on stderr).
pub fn start() -> (Vec<Block>, usize) {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: CORPUS_DIR [RUNS]"));
    let runs: usize = args.next().map_or(3, |r| r.parse().expect("RUNS"));
    let blocks = blocks(&dir).expect("reading the corpus");
    eprintln!(
        "{} blocks, load average before: {}",
        blocks.len(),
        loadavg()
    );
    (blocks, runs)
}

pub fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One highlighter's figures on one language: lines and bytes highlighted, and the best of
/// `runs` passes in thread CPU time and in wall time.
pub struct Figures {
    /// Wall time of the first block (syntect compiles a context's regexes on first use).
    pub first: f64,
    pub lines: usize,
    pub bytes: usize,
    pub cpu: f64,
    pub wall: f64,
}

/// Highlight `blocks` of `lang` with `highlight` (which returns the HTML) `runs` times.
/// Every block's HTML must carry classes and no inline style, or the run is refused.
pub fn measure(
    blocks: &[Block],
    lang: &str,
    runs: usize,
    mut highlight: impl FnMut(&str, &str) -> String,
) -> Figures {
    let chosen: Vec<&Block> = blocks.iter().filter(|b| b.lang == lang).collect();
    let lines = chosen.iter().map(|b| b.lines()).sum();
    let bytes = chosen.iter().map(|b| b.code.len()).sum();
    // Warm-up, and the check that output is class-based.
    let started = std::time::Instant::now();
    if let Some(b) = chosen.first() {
        let html = highlight(&b.code, lang);
        assert!(html.contains("class=\""), "{lang}: no classes in {html}");
        assert!(!html.contains("style="), "{lang}: inline styles in {html}");
    }
    let first = started.elapsed().as_secs_f64();
    let (mut cpu, mut wall) = (f64::MAX, f64::MAX);
    for _ in 0..runs {
        let (c0, w0) = (thread_cpu(), std::time::Instant::now());
        let mut out = 0usize;
        for b in &chosen {
            out += highlight(&b.code, lang).len();
        }
        std::hint::black_box(out);
        cpu = cpu.min((thread_cpu() - c0).as_secs_f64());
        wall = wall.min(w0.elapsed().as_secs_f64());
    }
    Figures {
        first,
        lines,
        bytes,
        cpu,
        wall,
    }
}

/// Markdown rows for one highlighter: one per language and the total.
pub fn rows(name: &str, load: &str, per_lang: &[(&str, Figures)]) -> String {
    let mut out = String::new();
    let row = |lang: &str, f: &Figures| {
        format!(
            "| {name} | {lang} | {} | {:.0} | {:.0} | {:.1} | {load}, first block {:.1} ms |\n",
            f.lines,
            f.lines as f64 / f.cpu,
            f.lines as f64 / f.wall,
            f.bytes as f64 / f.cpu / 1e6,
            f.first * 1e3,
        )
    };
    for (lang, f) in per_lang {
        out.push_str(&row(lang, f));
    }
    let total = Figures {
        first: per_lang.iter().map(|(_, f)| f.first).sum(),
        lines: per_lang.iter().map(|(_, f)| f.lines).sum(),
        bytes: per_lang.iter().map(|(_, f)| f.bytes).sum(),
        cpu: per_lang.iter().map(|(_, f)| f.cpu).sum(),
        wall: per_lang.iter().map(|(_, f)| f.wall).sum(),
    };
    out.push_str(&row("**all**", &total));
    out
}

#[allow(dead_code)]
pub const HEADER: &str = "| highlighter | language | lines | lines/s/thread (CPU) | lines/s (wall) | MB/s (CPU) | load (first use) |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n";
