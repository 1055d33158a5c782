//! Inputs past the time and size bounds, made in code for the bad-input corpus: code blocks
//! that are slow to highlight, big static files, deep `extends` chains and YAML over its
//! budget. Each generator is named by a word and its parameters, `word:a:b`, in `case.yaml`.

use std::fs;
use std::path::Path;

use super::common::{ROLE_B, read, write};

const ENGINEER: &str = "content/roles/engineer.md";

/// Make the input `what` names in the site at `root`; `false` when no generator here has
/// that name.
pub fn generate(what: &str, root: &Path) -> bool {
    // Several inputs at once: `a + b`.
    if what.contains(" + ") {
        return what.split(" + ").all(|part| generate(part, root));
    }
    let parts: Vec<&str> = what.split(':').collect();
    match parts.as_slice() {
        // One line of `unit` repeated to `bytes`, in a code block of `lang` after the body.
        ["code-line", lang, unit, bytes] => {
            let line = repeated(unit, number(bytes));
            write(root, ENGINEER, &with_code_blocks(&[(lang, &line)]));
        }
        // `count` lines of ordinary code, the first padded to `bytes` with a comment.
        ["code-lines", lang, bytes, count] => {
            let mut code = format!("x = 1  # {}", "y".repeat(number(bytes) - 9));
            for i in 0..number(count) {
                code.push_str(&format!("\ndef f{i}(a, b):\n    return a + b * {i}"));
            }
            write(root, ENGINEER, &with_code_blocks(&[(lang, &code)]));
        }
        // Two blocks of `bytes` each of ordinary lines (the same line: cheap to highlight).
        ["code-blocks", lang, bytes] => {
            let code = repeated("print(\"hello\")\n", number(bytes));
            let code = code.trim_end();
            write(
                root,
                ENGINEER,
                &with_code_blocks(&[(lang, code), (lang, code)]),
            );
        }
        // A file of `bytes` in `folder` (a sparse file: nothing is written to disk).
        ["big-file", folder, bytes] => {
            let dir = root.join(folder);
            fs::create_dir_all(&dir).expect("mkdir");
            let file = fs::File::create(dir.join("big.bin")).expect("create");
            file.set_len(number(bytes) as u64).expect("set_len");
        }
        // A chain of `count` briefs, each extending the one before, above the engineer.
        ["extends-chain", count] => {
            let mut parent = "engineer".to_string();
            for i in 1..=number(count) {
                let slug = format!("derived-{i}");
                write(
                    root,
                    &format!("content/roles/{slug}.md"),
                    &format!("---\ntitle: Derived {i}\nextends: {parent}\n---\n"),
                );
                parent = slug;
            }
        }
        // `count` more capabilities in site.yaml.
        ["capabilities", count] => {
            let config = read(root, "site.yaml");
            let mut more = String::from("capabilities:\n");
            for i in 0..number(count) {
                more.push_str(&format!(
                    "  - {{key: extra-{i}, name: Extra {i}, description: One more.}}\n"
                ));
            }
            let config = config.replacen("capabilities:\n", &more, 1);
            write(root, "site.yaml", &config);
        }
        // `limits.<key>: <value>` in site.yaml.
        ["limits", key, value] => {
            let config = read(root, "site.yaml");
            write(
                root,
                "site.yaml",
                &format!("{config}\nlimits:\n  {key}: {value}\n"),
            );
        }
        // A capability whose keywords repeat its description `count` times, by alias.
        ["config-aliases", count] => {
            let keywords = vec!["*d"; number(count)].join(", ");
            add_capability(
                root,
                &format!(
                    "{{key: extra, name: Extra, description: &d One more., keywords: [{keywords}]}}"
                ),
            );
        }
        // The billion laughs as a capability's keywords: nine levels of ten aliases.
        ["config-alias-bomb"] => add_capability(
            root,
            &format!(
                "{{key: extra, name: Extra, description: d, keywords: {}}}",
                nested_laughs()
            ),
        ),
        // The engineer's red flags: its summary, `count` times by alias.
        ["front-matter-aliases", count] => {
            let flags = vec!["*s"; number(count)].join(", ");
            let text = ROLE_B.replacen("summary: ", "summary: &s ", 1).replacen(
                "---\n\n",
                &format!("red_flags: [{flags}]\n---\n\n"),
                1,
            );
            write(root, ENGINEER, &text);
        }
        // The billion laughs as the engineer's red flags.
        ["front-matter-alias-bomb"] => {
            let text = ROLE_B.replacen(
                "---\n\n",
                &format!("red_flags: {}\n---\n\n", nested_laughs()),
                1,
            );
            write(root, ENGINEER, &text);
        }
        _ => return false,
    }
    true
}

/// The engineer's brief with `blocks` (language, code) after its body, each fenced.
fn with_code_blocks(blocks: &[(&str, &str)]) -> String {
    let mut text = ROLE_B.to_string();
    for (lang, code) in blocks {
        text.push_str(&format!("\n```{lang}\n{code}\n```\n"));
    }
    text
}

fn repeated(unit: &str, bytes: usize) -> String {
    let mut text = unit.repeat(bytes / unit.len() + 1);
    text.truncate(bytes);
    text
}

/// A number as written in a generator's name, `_` allowed as a separator.
fn number(text: &str) -> usize {
    text.replace('_', "")
        .parse()
        .unwrap_or_else(|_| panic!("`{text}` is not a number"))
}

/// A list whose last item stands for 10⁹ strings: each item is ten aliases of the one before.
fn nested_laughs() -> String {
    let mut items = vec!["&a0 lol".to_string()];
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        items.push(format!("&a{i} [{refs}]"));
    }
    format!("[{}]", items.join(", "))
}

/// `entry` as the first capability of site.yaml.
fn add_capability(root: &Path, entry: &str) {
    let config = read(root, "site.yaml");
    assert!(
        config.contains("capabilities:\n"),
        "site.yaml lists capabilities"
    );
    let config = config.replacen(
        "capabilities:\n",
        &format!("capabilities:\n  - {entry}\n"),
        1,
    );
    write(root, "site.yaml", &config);
}
