//! Relative-link output: every internal address of a page rewritten relative to that page
//! (`../../roles/caio/index.html`), for hosting whose path is unknown at build time and for
//! opening the files straight from disk.

/// Attributes whose values are addresses.
const URL_ATTRIBUTES: [&str; 5] = [
    "href=\"",
    "src=\"",
    "action=\"",
    "data-index=\"",
    "data-root=\"",
];

/// The prefix that leads from the page at `output_path` (`roles/caio/index.html`) to the
/// site root: `../../`, or `./` at the root.
pub fn prefix_for(output_path: &str) -> String {
    let depth = output_path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// Rewrite the addresses in `html` that start with `base_path`. Folder addresses get
/// `index.html`, which `file://` needs; `data-root` stays a folder.
pub fn relativize(html: &str, base_path: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some((at, attribute)) = URL_ATTRIBUTES
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, *a)))
        .min_by_key(|(i, _)| *i)
    {
        let value_start = at + attribute.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        match value.strip_prefix(base_path) {
            Some(inside) if !value.starts_with("//") => {
                out.push_str(prefix);
                if attribute == "data-root=\"" {
                    out.push_str(inside);
                } else {
                    let (path, fragment) = match inside.find(['#', '?']) {
                        Some(i) => inside.split_at(i),
                        None => (inside, ""),
                    };
                    out.push_str(path);
                    if path.is_empty() || path.ends_with('/') {
                        out.push_str("index.html");
                    }
                    out.push_str(fragment);
                }
            }
            _ => out.push_str(value),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_follow_depth() {
        assert_eq!(prefix_for("index.html"), "./");
        assert_eq!(prefix_for("roles/caio/index.html"), "../../");
        assert_eq!(prefix_for("404.html"), "./");
    }

    #[test]
    fn internal_addresses_become_relative() {
        let html = r##"<a href="/pb/roles/caio/">x</a><a href="/pb/">home</a><a href="/pb/guides/a/#why">a</a><link href="/pb/style.css"><script src="/pb/playbook.js"></script><form data-root="/pb/" data-index="/pb/search-index.js"></form><a href="https://example.com/pb/">ext</a><a href="#local">l</a><a href="/other/">o</a>"##;
        let out = relativize(html, "/pb/", "../../");
        assert_eq!(
            out,
            r##"<a href="../../roles/caio/index.html">x</a><a href="../../index.html">home</a><a href="../../guides/a/index.html#why">a</a><link href="../../style.css"><script src="../../playbook.js"></script><form data-root="../../" data-index="../../search-index.js"></form><a href="https://example.com/pb/">ext</a><a href="#local">l</a><a href="/other/">o</a>"##
        );
    }

    #[test]
    fn a_root_base_path_works_too() {
        let out = relativize(
            r#"<a href="/roles/caio/">x</a><a href="//cdn.example/x.js">y</a>"#,
            "/",
            "./",
        );
        assert_eq!(
            out,
            r#"<a href="./roles/caio/index.html">x</a><a href="//cdn.example/x.js">y</a>"#
        );
    }
}
