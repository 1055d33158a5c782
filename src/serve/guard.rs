//! Who the preview answers. On a loopback address only requests naming this machine
//! (`localhost`, `127.0.0.1`, `[::1]`) or the configured host are answered, so a page on
//! another site cannot read the preview through a DNS name rebound to 127.0.0.1; and the
//! live-reload socket, which carries error text quoting the site's files, is opened only
//! from the preview's own pages.

use std::net::IpAddr;

use axum::http::{HeaderMap, header};

/// The host names a server answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPolicy {
    /// `None`: any name (a server listening beyond this machine, where names are unknown).
    names: Option<Vec<String>>,
}

impl HostPolicy {
    /// The names of this machine and of `bind`, plus `configured` (the host of the base URL);
    /// any name when `bind` is not a loopback address.
    pub fn for_bind(bind: IpAddr, configured: Option<&str>) -> HostPolicy {
        if !bind.is_loopback() {
            return HostPolicy { names: None };
        }
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "::1"]
            .iter()
            .map(|n| n.to_string())
            .collect();
        names.push(bind.to_string());
        names.extend(configured.map(normalize));
        HostPolicy { names: Some(names) }
    }

    /// Whether a request with this `Host` header is answered. A request without one cannot
    /// come from a browser, so it is.
    pub fn allows(&self, host: Option<&str>) -> bool {
        let (Some(names), Some(host)) = (&self.names, host) else {
            return true;
        };
        let name = normalize(host_name(host));
        // Browsers resolve every `*.localhost` name to this machine themselves.
        name.ends_with(".localhost") || names.contains(&name)
    }
}

/// Whether a WebSocket upgrade comes from a page of this server: no `Origin` (not a
/// browser), or one whose host and port are the request's own `Host`.
pub fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let (Ok(origin), Some(Ok(host))) = (
        origin.to_str(),
        headers.get(header::HOST).map(|h| h.to_str()),
    ) else {
        return false;
    };
    let authority = origin
        .strip_prefix("http://")
        .or_else(|| origin.strip_prefix("https://"));
    authority.is_some_and(|a| a.eq_ignore_ascii_case(host))
}

/// The host of a base URL (`wiki.example.com` of `https://wiki.example.com:8443/pb/`), if it
/// has one.
pub fn host_of(base_url: &str) -> Option<&str> {
    let (_, rest) = base_url.split_once("://")?;
    let authority = rest.split('/').next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, a)| a);
    let name = host_name(authority);
    (!name.is_empty()).then_some(name)
}

/// `Host` without its port, and an IPv6 literal without its brackets.
fn host_name(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix('[') {
        return rest.split(']').next().unwrap_or(rest);
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

fn normalize(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn loopback(configured: Option<&str>) -> HostPolicy {
        HostPolicy::for_bind("127.0.0.1".parse().expect("ip"), configured)
    }

    #[test]
    fn loopback_answers_only_this_machine_and_the_configured_name() {
        let policy = loopback(Some("wiki.example.com"));
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.:1111",
            "127.0.0.1",
            "127.0.0.1:1111",
            "[::1]",
            "[::1]:1111",
            "app.localhost:1111",
            "wiki.example.com",
            "Wiki.Example.com:1111",
        ] {
            assert!(policy.allows(Some(host)), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io",
            "[::2]:1111",
            "",
            "wiki.example.com.evil.example",
        ] {
            assert!(!policy.allows(Some(host)), "{host}");
        }
        assert!(policy.allows(None));
        assert!(!loopback(None).allows(Some("wiki.example.com")));
    }

    #[test]
    fn other_binds_answer_any_name() {
        let policy = HostPolicy::for_bind("0.0.0.0".parse().expect("ip"), None);
        assert!(policy.allows(Some("evil.example")));
        let own = HostPolicy::for_bind("127.0.0.2".parse().expect("ip"), None);
        assert!(own.allows(Some("127.0.0.2:1111")));
    }

    #[test]
    fn the_live_socket_opens_only_from_its_own_origin() {
        let headers = |origin: Option<&str>, host: &str| {
            let mut map = HeaderMap::new();
            map.insert(header::HOST, HeaderValue::from_str(host).expect("host"));
            if let Some(origin) = origin {
                map.insert(header::ORIGIN, HeaderValue::from_str(origin).expect("o"));
            }
            map
        };
        assert!(same_origin(&headers(None, "localhost:1111")));
        assert!(same_origin(&headers(
            Some("http://localhost:1111"),
            "localhost:1111"
        )));
        assert!(same_origin(&headers(
            Some("http://127.0.0.1:1111"),
            "127.0.0.1:1111"
        )));
        for origin in [
            "http://evil.example",
            "http://evil.example:1111",
            "http://localhost:2222",
            "null",
            "file://",
            "http://localhost:1111.evil.example",
        ] {
            assert!(
                !same_origin(&headers(Some(origin), "localhost:1111")),
                "{origin}"
            );
        }
    }

    #[test]
    fn the_host_of_a_base_url() {
        assert_eq!(
            host_of("https://wiki.example.com:8443/pb/"),
            Some("wiki.example.com")
        );
        assert_eq!(host_of("http://user@[::1]:80/"), Some("::1"));
        assert_eq!(
            host_of("https://wiki.example.com"),
            Some("wiki.example.com")
        );
        assert_eq!(host_of("/pb/"), None);
    }
}
