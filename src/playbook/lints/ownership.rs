//! Who keeps the playbook true: a brief's `reviewed:` date against the build's day and
//! `lint_limits.review_months` (`stale-brief`), and the brand accent's contrast
//! (`brand-contrast`). Both read only the brief or `site.yaml` and the day.

use std::path::Path;

use super::{at_value, finding};
use crate::config::Config;
use crate::content::role::{Role, parse_date};
use crate::diagnostic::Diagnostic;

/// `reviewed` plus `months` months (the day kept, or the month's last day when it has
/// fewer), compared as (year, month, day).
fn months_after((year, month, day): (i32, u32, u32), months: u32) -> (i32, u32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + i64::from(months);
    let (year, month) = (
        i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX),
        u32::try_from(index.rem_euclid(12)).unwrap_or(0) + 1,
    );
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (year, month, day.min(last))
}

/// Whole months from `from` to `to`.
fn months_between(from: (i32, u32, u32), to: (i32, u32, u32)) -> i64 {
    let months = (i64::from(to.0) - i64::from(from.0)) * 12 + i64::from(to.1) - i64::from(from.1);
    if to.2 < from.2 { months - 1 } else { months }
}

/// `stale-brief`: the brief's `reviewed:` is more than `lint_limits.review_months` months
/// before the build's day. A brief with no `reviewed:` is not judged (git's date of the
/// file says when it changed, not that anyone read it), nor is any without a build day.
pub(super) fn stale_brief(config: &Config, role: &Role) -> Option<Diagnostic> {
    let reviewed = role.front.reviewed.as_ref()?;
    let day = parse_date(&reviewed.value)?;
    let today = config.build_date?;
    let months = config.lint_limits.review_months;
    if months_after(day, months) >= today {
        return None;
    }
    let ago = months_between(day, today);
    let d = at_value(
        role,
        "reviewed",
        &reviewed.referenced,
        format!(
            "stale brief: last reviewed {}, {ago} months ago; briefs are reviewed every {months} months (`lint_limits.review_months`)",
            reviewed.value
        ),
    );
    finding(config, Some(role), "stale-brief", d)
}

/// `brand-contrast`: `brand.accent` below 4.5:1 against the light page. The finding says
/// which shade the pages use instead.
pub(super) fn brand_contrast(config: &Config) -> Option<Diagnostic> {
    let accent = config.brand.as_ref()?.accent.as_ref()?;
    let palette = config.brand_palette()?;
    if !palette.light_corrected() {
        return None;
    }
    let d = Diagnostic::new(
        Path::new(crate::config::CONFIG_FILE),
        crate::yaml::position(accent.referenced),
        format!(
            "brand accent `{}` has {:.2}:1 against the light page; WCAG AA asks 4.5:1 of text: the pages use {} instead",
            accent.value.as_deref().unwrap_or("").trim(),
            // Cut, not rounded, as axe-core shows it: 4.497 must not read as 4.50.
            (palette.light_contrast * 100.0).floor() / 100.0,
            palette.light.accent
        ),
    )
    .with_source(config.source.clone().unwrap_or_default());
    finding(config, None, "brand-contrast", d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, config, content};
    use crate::diagnostic::Severity;

    #[test]
    fn months_are_counted_on_the_calendar() {
        assert_eq!(months_after((2025, 11, 30), 12), (2026, 11, 30));
        assert_eq!(months_after((2025, 8, 31), 6), (2026, 2, 28));
        assert_eq!(months_after((2023, 8, 31), 6), (2024, 2, 29));
        assert_eq!(months_after((2026, 1, 15), 0), (2026, 1, 15));
        assert_eq!(months_between((2025, 6, 30), (2026, 12, 1)), 17);
        assert_eq!(months_between((2025, 12, 1), (2026, 12, 1)), 12);
    }

    fn reviewed(date: &str) -> String {
        brief("Head of AI, Claims", "manager", &[]).replacen(
            "---\n",
            &format!("---\nreviewed: {date}\nmaintainer: Jana Petersen (People Ops)\n"),
            1,
        )
    }

    /// (reviewed, review_months, flagged), the build on 2026-12-01.
    #[test]
    fn a_brief_not_reviewed_within_the_limit_is_stale() {
        let cases = [
            // Reviewed last year at the planning offsite, untouched since.
            ("2025-06-30", 12, true),
            ("2025-11-30", 12, true),
            // Exactly a year ago is still within the year.
            ("2025-12-01", 12, false),
            ("2026-11-02", 12, false),
            // A quarterly review cycle.
            ("2026-08-15", 3, true),
            ("2026-09-01", 3, false),
        ];
        for (date, months, flagged) in cases {
            let pages = [("plan/claims-lead.md", reviewed(date))];
            let content = content(&pages);
            let mut config = config();
            config.build_date = Some((2026, 12, 1));
            config.lint_limits.review_months = months;
            let found = stale_brief(&config, &content.roles[0]);
            assert_eq!(
                found.is_some(),
                flagged,
                "{date} with {months} months: {found:?}"
            );
            if let Some(d) = found {
                assert_eq!(d.code, Some("stale-brief"));
                assert_eq!(d.severity, Severity::Warning);
                assert!(
                    d.message.contains(&format!("last reviewed {date}")),
                    "{}",
                    d.message
                );
                assert_eq!(d.position.line, 2, "at the `reviewed:` value");
            }
        }
    }

    #[test]
    fn no_review_date_or_no_build_day_is_not_judged() {
        let mut config = config();
        config.build_date = Some((2026, 12, 1));
        let unreviewed = content(&[("plan/a.md", brief("A", "manager", &[]))]);
        assert!(stale_brief(&config, &unreviewed.roles[0]).is_none());
        let old = content(&[("plan/a.md", reviewed("2020-01-01"))]);
        config.build_date = None;
        assert!(stale_brief(&config, &old.roles[0]).is_none());
    }

    fn branded(accent: &str) -> Config {
        let text = format!(
            "{}\nbrand:\n  name: Nordhafen Versicherung\n  accent: \"{accent}\"\n",
            include_str!("../../../site.yaml")
        );
        Config::parse(&text, Path::new("site.yaml")).expect("site.yaml")
    }

    #[test]
    fn a_pale_accent_is_flagged_with_the_shade_used_and_a_readable_one_is_not() {
        let d = brand_contrast(&branded("#f5e663")).expect("a finding");
        assert_eq!(d.code, Some("brand-contrast"));
        assert!(
            d.message.starts_with("brand accent `#f5e663` has 1.1"),
            "{}",
            d.message
        );
        assert!(d.message.contains("the pages use #"), "{}", d.message);
        let line = include_str!("../../../site.yaml").lines().count() + 4;
        assert_eq!(d.position.line, line, "at the accent");
        // A brand navy reads on the light page: no finding (dark mode derives its own).
        assert!(brand_contrast(&branded("#0b3d91")).is_none());
        assert!(brand_contrast(&config()).is_none(), "no brand, no finding");
    }
}
