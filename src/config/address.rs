//! What a `base_url` may be: an http(s) address or an absolute path whose path part can
//! stand as written in a link, a browser's address bar and the preview server's prefix.

/// How to write a usable base URL; the help of every refusal.
pub const HELP: &str = "use an absolute URL such as `https://wiki.example.com/playbook/` or a path such as `/playbook/`; write other characters percent-encoded (a space as `%20`)";

/// Why `url` cannot be a base URL, or `None` when it can.
pub fn problem(url: &str) -> Option<String> {
    let path = match url.split_once("://") {
        Some((scheme, rest)) => {
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
                return Some(format!(
                    "`{scheme}://` is not a web address; only http:// and https:// are"
                ));
            }
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            if authority.is_empty() {
                return Some("it names no host after the scheme".to_string());
            }
            if let Some(c) = authority.chars().find(|c| !is_host_char(*c)) {
                return Some(format!("{} cannot stand in a host name", shown(c)));
            }
            path
        }
        None if url.starts_with('/') => url,
        None => return Some("it is neither an absolute URL nor a path".to_string()),
    };
    path_problem(path)
}

fn path_problem(path: &str) -> Option<String> {
    if let Some(c) = path.chars().find(|c| !is_path_char(*c)) {
        return Some(format!("{} cannot stand in a URL path", shown(c)));
    }
    let bytes = path.as_bytes();
    for (i, _) in path.match_indices('%') {
        let escape = bytes.get(i + 1..i + 3);
        if !escape.is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit)) {
            return Some("a `%` in the path is not followed by two hex digits".to_string());
        }
    }
    // Browsers drop `.` and `..` segments, and `//` would turn links into other hosts.
    let inner = path.trim_start_matches('/').trim_end_matches('/');
    if path.starts_with("//") || (!inner.is_empty() && inner.split('/').any(|s| s.is_empty())) {
        return Some("the path has an empty segment (`//`)".to_string());
    }
    if inner.split('/').any(|s| s == "." || s == "..") {
        return Some("the path has a `.` or `..` segment".to_string());
    }
    None
}

/// RFC 3986 path characters (and `%`, checked apart), plus any non-ASCII letter, which
/// links carry as written and browsers percent-encode.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "-._~!$&'()*+,;=:@/%".contains(c)
        || !c.is_ascii() && !c.is_control()
}

fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "-._~!$&'()*+,;=:@[]%".contains(c)
        || !c.is_ascii() && !c.is_control()
}

fn shown(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("the character U+{:04X}", u32::from(c))
    } else {
        format!("`{c}`")
    }
}

/// Whether `url` (a usable base URL) names its host, as a sitemap's addresses must:
/// `https://wiki.example.com/playbook/` does, the path `/playbook/` does not.
pub fn names_host(url: &str) -> bool {
    url.contains("://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usable_base_urls_pass() {
        for url in [
            "/",
            "/playbook/",
            "/team/playbook",
            "https://wiki.example.com",
            "https://wiki.example.com/team/playbook/",
            "HTTP://127.0.0.1:1111/ai-playbook/",
            "http://[::1]:8080/pb/",
            "/my%20book/",
            "/équipe/",
            "/a-b_c.d~e/(x)/",
        ] {
            assert_eq!(problem(url), None, "{url}");
        }
    }

    #[test]
    fn unusable_base_urls_say_why() {
        let cases = [
            ("foo", "neither an absolute URL nor a path"),
            ("wiki.example.com/pb/", "neither an absolute URL nor a path"),
            (
                "https://x.example/{*rest}/",
                "`{` cannot stand in a URL path",
            ),
            ("/{x}/", "`{` cannot stand in a URL path"),
            ("/a</script>/", "`<` cannot stand in a URL path"),
            ("/a<!--/", "`<` cannot stand in a URL path"),
            ("/a\"b/", "`\"` cannot stand in a URL path"),
            ("/my book/", "U+0020 cannot stand in a URL path"),
            ("/a\u{1b}[2J/", "U+001B cannot stand in a URL path"),
            ("/pb/?x=1", "`?` cannot stand"),
            ("/pb/#top", "`#` cannot stand"),
            ("/a\\b/", "`\\` cannot stand"),
            ("/100%/", "not followed by two hex digits"),
            ("//evil.example/", "empty segment"),
            ("/a//b/", "empty segment"),
            ("/a/../b/", "`..` segment"),
            ("javascript://x/%0aalert(1)", "not a web address"),
            ("https:///pb/", "names no host"),
            ("https://ev il.example/", "cannot stand in a host name"),
            ("https://x.example</script>/", "cannot stand in a host name"),
        ];
        for (url, expected) in cases {
            let problem = problem(url).unwrap_or_else(|| panic!("{url} passed"));
            assert!(problem.contains(expected), "{url}: {problem}");
        }
    }
}
