//! `gen check`: every problem and lint finding, for people or for machines.

use rolebook::Error;
use rolebook::diagnostic::Severity;
use rolebook::engine::site;

use super::{CheckArgs, Format, report, stdout_has_color};

pub fn run(args: CheckArgs) -> Result<(), Error> {
    let findings = site::check_site(&args.site.root, &args.site.load_options())?;
    match args.format {
        Format::Human => print!("{}", report::human(&findings, stdout_has_color())),
        Format::Json => print!("{}", report::json(&findings)),
    }
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    if errors || (args.deny_warnings && !findings.is_empty()) {
        return Err(Error::Reported);
    }
    Ok(())
}
