//! `gen check`: every problem and lint finding, for people or for machines.

use rolebook::Error;
use rolebook::diagnostic::Severity;
use rolebook::engine::site::{self, CheckOptions};

use super::{CheckArgs, Format, report, stdout_has_color};

pub fn run(args: CheckArgs) -> Result<(), Error> {
    let checks = CheckOptions { ready: args.ready };
    let report = site::check_site_with(&args.site.root, &args.site.load_options(), checks)?;
    let (findings, waived, checked) = (&report.findings, &report.waived, report.checked);
    match args.format {
        Format::Human => print!(
            "{}",
            report::human(findings, waived, checked, stdout_has_color())
        ),
        Format::Json => print!("{}", report::json(findings, waived, checked)),
    }
    // Waived findings never fail the check: their brief gave its reason.
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    if errors || (args.deny_warnings && !findings.is_empty()) {
        return Err(Error::Reported);
    }
    Ok(())
}
