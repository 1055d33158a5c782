//! `gen build`: build the site into its output folder, then say what was built.

use rolebook::diagnostic::{Diagnostic, render_diagnostics, stderr_has_color};
use rolebook::engine::playbook_docx;
use rolebook::engine::site::{self, BuildOptions, BuildReport};
use rolebook::{Error, LoadOptions};

use super::BuildArgs;
use super::progress;

/// Warnings shown in full; a big playbook's warnings belong on the health page.
const SHOWN: usize = 20;

pub fn run(args: BuildArgs) -> Result<(), Error> {
    let output = args.site.output(&args.output);
    let options = LoadOptions {
        relative_links: args.relative_links,
        ..args.site.load_options()
    };
    let build = BuildOptions {
        cache: args.cache.map(|dir| args.site.output(&Some(dir))),
        progress: progress::stderr_reporter(args.quiet),
    };
    if let Some(file) = &args.docx {
        playbook_docx::check_target(&args.site.root, &output, file)?;
    }
    if let Some(file) = &args.single_page {
        site::check_single_page(file)?;
    }
    let report = site::build_site(&args.site.root, &options, &output, build)?;
    if let Some(file) = &args.single_page {
        site::write_single_page(&args.site.root, &options, file)?;
        if !args.quiet {
            eprintln!("Wrote the whole playbook to {}", file.display());
        }
    }
    if let Some(file) = &args.docx {
        playbook_docx::write(&args.site.root, &options, file)?;
        if !args.quiet {
            eprintln!("Wrote the whole playbook to {}", file.display());
        }
    }
    if args.timings {
        eprint!("{}", timings(&report));
    }
    if !args.quiet {
        for note in &report.notes {
            eprintln!("warning: {note}");
        }
        eprint!("{}", warnings(&report.warnings));
        eprintln!(
            "Built {} pages ({} files) into {} in {} ms{}",
            report.pages,
            report.files,
            output.display(),
            report.elapsed.as_millis(),
            warning_count(report.warnings.len())
        );
    }
    Ok(())
}

/// One line per stage: its time, its name.
pub fn timings(report: &BuildReport) -> String {
    report
        .stages
        .iter()
        .map(|(stage, time)| format!("{:>8.1} ms  {stage}\n", time.as_secs_f64() * 1000.0))
        .collect()
}

/// The first `SHOWN` warnings in full, and how many more `gen check` lists.
fn warnings(warnings: &[Diagnostic]) -> String {
    let shown = &warnings[..warnings.len().min(SHOWN)];
    let mut out = String::new();
    if !shown.is_empty() {
        out.push_str(&render_diagnostics(shown, stderr_has_color()));
    }
    if warnings.len() > SHOWN {
        out.push_str(&format!(
            "… and {} more warnings: `gen check` lists them all.\n",
            warnings.len() - SHOWN
        ));
    }
    out
}

fn warning_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "; 1 warning (see the Playbook health page)".to_string(),
        n => format!("; {n} warnings (see the Playbook health page)"),
    }
}
