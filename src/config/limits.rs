//! `limits:` in site.yaml: the bounds that keep a hostile or mistaken input cheap to refuse
//! (a one-line code block of 400 KB, a 2 GiB file in `static/`, a chain of 50,000 briefs
//! each extending the last). Each has a default that no real playbook comes near; the
//! message of each refusal names the key that raises it.

use serde::Deserialize;

/// `limits:` in site.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// A code block with a longer line (bytes) is shown as plain text: syntect's time on
    /// one line grows with the square of its length.
    #[serde(default = "default_max_highlight_line")]
    pub max_highlight_line: usize,
    /// Bytes of code highlighted per page; blocks past it are shown as plain text.
    #[serde(default = "default_max_highlight_page")]
    pub max_highlight_page: usize,
    /// The largest file of `static/` (the site's or the theme's), in MiB.
    #[serde(default = "default_max_static_file_mib")]
    pub max_static_file_mib: u64,
    /// All static files together, in MiB.
    #[serde(default = "default_max_static_total_mib")]
    pub max_static_total_mib: u64,
    /// How many briefs an `extends` chain may hold above a brief.
    #[serde(default = "default_max_extends_depth")]
    pub max_extends_depth: usize,
}

pub const MIB: u64 = 1024 * 1024;

fn default_max_highlight_line() -> usize {
    4 * 1024
}

fn default_max_highlight_page() -> usize {
    256 * 1024
}

fn default_max_static_file_mib() -> u64 {
    64
}

fn default_max_static_total_mib() -> u64 {
    1024
}

fn default_max_extends_depth() -> usize {
    16
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_highlight_line: default_max_highlight_line(),
            max_highlight_page: default_max_highlight_page(),
            max_static_file_mib: default_max_static_file_mib(),
            max_static_total_mib: default_max_static_total_mib(),
            max_extends_depth: default_max_extends_depth(),
        }
    }
}

impl Limits {
    pub fn max_static_file_bytes(&self) -> u64 {
        self.max_static_file_mib.saturating_mul(MIB)
    }

    pub fn max_static_total_bytes(&self) -> u64 {
        self.max_static_total_mib.saturating_mul(MIB)
    }
}

/// `bytes` for people: `2.0 GiB`, `64.0 MiB`, `812 KiB`, `17 bytes`.
pub fn human_size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const GIB: u64 = 1024 * MIB;
    // Rounded to one decimal for messages only.
    #[allow(clippy::cast_precision_loss)]
    let tenths = |unit: u64| bytes as f64 / unit as f64;
    if bytes >= GIB {
        format!("{:.1} GiB", tenths(GIB))
    } else if bytes >= MIB {
        format!("{:.1} MiB", tenths(MIB))
    } else if bytes >= KIB {
        format!("{} KiB", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(17), "17 bytes");
        assert_eq!(human_size(812 * 1024 + 5), "812 KiB");
        assert_eq!(human_size(64 * MIB + 1), "64.0 MiB");
        assert_eq!(human_size(2 * 1024 * MIB), "2.0 GiB");
    }
}
