//! The `gen` command line: parse arguments, call the library, report errors once.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rolebook::{Error, LoadOptions};

#[derive(Parser)]
#[command(
    name = "gen",
    version,
    about = "Build AI role-brief playbooks into a browsable site",
    long_about = "gen turns Markdown role briefs with YAML front matter into an internal playbook site: \
                  it checks every brief against the site's vocabulary, renders pages through Tera \
                  templates and writes the site atomically."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check, render and write the site to the output folder (public/ by default)
    #[command(
        after_help = "Examples:\n  gen build\n  gen build --root my-playbook --output /tmp/site\n  gen build --base-url https://wiki.example.com/ai-playbook/"
    )]
    Build {
        /// The site folder (holding site.yaml and content/)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site; relative paths are inside the site folder
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Replace site.yaml's base_url, e.g. for a preview under another address
        #[arg(long)]
        base_url: Option<String>,
        /// Include pages marked `draft: true`
        #[arg(long)]
        drafts: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            report(&error);
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let output = match output {
                Some(dir) if dir.is_relative() => root.join(dir),
                Some(dir) => dir,
                None => root.join("public"),
            };
            let report = rolebook::build_site(&root, &LoadOptions { drafts, base_url }, &output)?;
            eprintln!(
                "Built {} pages ({} files) into {} in {} ms",
                report.pages,
                report.files,
                output.display(),
                report.elapsed.as_millis()
            );
            Ok(())
        }
    }
}

fn report(error: &Error) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let handler = if color {
        miette::GraphicalReportHandler::new()
    } else {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
    };
    match error {
        Error::Site(problems) => {
            for problem in problems.iter() {
                let mut out = String::new();
                let _ = handler.render_report(&mut out, problem);
                eprintln!("{out}");
            }
            eprintln!("error: {problems}; nothing was written");
        }
        Error::Output(output) => {
            eprintln!("error: {output}");
            if let Some(help) = output.help() {
                eprintln!("  help: {help}");
            }
        }
        Error::Io { help, .. } => {
            eprintln!("error: {error}");
            if let Some(help) = help {
                eprintln!("  help: {help}");
            }
        }
    }
}
