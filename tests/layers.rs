//! The library's layers look down only: a module may use modules of its own layer and of
//! the layers below it, never above. This test reads every file under `src/` and fails on
//! any `crate::` path that points up the order, naming the file, the line and both layers.

use std::path::{Path, PathBuf};

/// The layers, from the ground up; a module's layer is the one that names its top folder
/// or file under `src/`.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "ground",
        &[
            "diagnostic",
            "error",
            "output",
            "memory",
            "slug",
            "watchdog",
            "yaml",
        ],
    ),
    ("config", &["config"]),
    ("content", &["content"]),
    ("markdown", &["markdown"]),
    ("playbook", &["playbook"]),
    ("render", &["render"]),
    ("engine", &["engine"]),
    ("edge", &["serve", "authoring", "fuzzing", "lib"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS
        .iter()
        .position(|(_, modules)| modules.contains(&module))
}

/// The top module a file under `src/` belongs to (`src/render/views.rs` → `render`).
fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_string())
}

/// Every top module named after `crate::` in `text`, with its line: in `use` lines, in
/// brace groups (`use crate::{config::Config, content::Content}`) and in paths in code.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code = without_comments(text);
    let mut found = Vec::new();
    let mut rest = code.as_str();
    let mut consumed = 0;
    while let Some(at) = rest.find("crate::") {
        let start = consumed + at + "crate::".len();
        let preceded_by_ident = code[..consumed + at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = &code[start..];
        if !preceded_by_ident {
            let line = code[..start].matches('\n').count() + 1;
            if let Some(group) = after.strip_prefix('{') {
                for module in top_names_in_group(group) {
                    found.push((line, module));
                }
            } else {
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.push((line, name));
                }
            }
        }
        consumed = start;
        rest = &code[start..];
    }
    found
}

/// The first name of each item of a brace group, up to its closing brace.
fn top_names_in_group(group: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut at_item_start = true;
    let mut current = String::new();
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_item_start = true,
            c if at_item_start && (c.is_alphanumeric() || c == '_') => current.push(c),
            _ if at_item_start && !current.is_empty() => {
                names.push(std::mem::take(&mut current));
                at_item_start = false;
            }
            _ => {}
        }
    }
    if !current.is_empty() {
        names.push(current);
    }
    // `self` names the crate root itself.
    names.retain(|n| n != "self");
    names
}

/// `text` with `//` comments blanked out (lines kept, so line numbers stay right).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) if !line[..at].contains('"') => &line[..at],
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Imports that point up the order, as `file:line: layer → layer`.
fn upward_imports(file: &str, module: &str, text: &str) -> Vec<String> {
    let Some(own) = layer_of(module) else {
        return vec![format!(
            "{file}: module `{module}` has no layer; add it to LAYERS in tests/layers.rs"
        )];
    };
    crate_paths(text)
        .into_iter()
        .filter_map(|(line, target)| {
            let to = layer_of(&target)?;
            (to > own).then(|| {
                format!(
                    "{file}:{line}: `{module}` ({}) uses `crate::{target}` ({}), a layer above it",
                    LAYERS[own].0, LAYERS[to].0
                )
            })
        })
        .collect()
}

fn library_files(src: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(src)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        // The binary (`main.rs`, `cmd/`) sits above every layer and uses `rolebook::`.
        .filter(|p| {
            let relative = p.strip_prefix(src).unwrap_or(p);
            !relative.starts_with("cmd") && relative != Path::new("main.rs")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn no_module_uses_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = library_files(&src);
    assert!(files.len() > 20, "found only {} files in src/", files.len());
    let mut problems = Vec::new();
    for path in &files {
        let relative = path.strip_prefix(&src).expect("under src/");
        let module = module_of(relative).expect("a module");
        let text = std::fs::read_to_string(path).expect("readable source");
        let file = format!("src/{}", relative.display());
        problems.extend(upward_imports(&file, &module, &text));
    }
    assert!(
        problems.is_empty(),
        "imports that point up the layer order:\n{}",
        problems.join("\n")
    );
}

#[test]
fn an_upward_import_is_found_in_every_form_it_takes() {
    let cases = [
        ("use crate::render::views::Views;\n", 1),
        (
            "use crate::{\n    content::Content,\n    engine::plan::Plan,\n};\n",
            1,
        ),
        ("fn f() { let _ = crate::serve::watch; }\n", 1),
        ("use crate::{config::Config, slug};\n", 0),
        ("// crate::engine is only mentioned here\n", 0),
        ("use crate::markdown::{self, Html};\n", 0),
    ];
    for (text, expected) in cases {
        let found = upward_imports("src/playbook/x.rs", "playbook", text);
        assert_eq!(found.len(), expected, "{text:?}: {found:?}");
    }
    let found = upward_imports(
        "src/config.rs",
        "config",
        "use crate::playbook::lints::LINTS;",
    );
    assert_eq!(
        found,
        ["src/config.rs:1: `config` (config) uses `crate::playbook` (playbook), a layer above it"]
    );
}

#[test]
fn a_module_without_a_layer_is_named() {
    let found = upward_imports("src/newthing.rs", "newthing", "");
    assert!(found[0].contains("has no layer"), "{found:?}");
}
