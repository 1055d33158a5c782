//! The `gen` command line: parse arguments, call the library, report errors once.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// mimalloc: measured 1,000 and 10,000-page builds faster than the system allocator (README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use rolebook::diagnostic::Severity;
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

/// Which site, and how to read it: shared by the commands that build.
#[derive(Args)]
struct SiteArgs {
    /// The site folder (holding site.yaml and content/)
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Replace site.yaml's base_url (e.g. for a preview under another address)
    #[arg(long)]
    base_url: Option<String>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    drafts: bool,
}

impl SiteArgs {
    fn load_options(&self) -> LoadOptions {
        LoadOptions {
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            relative_links: false,
        }
    }

    /// `--output`, relative to the site folder; `public/` in it by default.
    fn output(&self, output: &Option<PathBuf>) -> PathBuf {
        match output {
            Some(dir) if dir.is_relative() => self.root.join(dir),
            Some(dir) => dir.clone(),
            None => self.root.join("public"),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check, render and write the site to the output folder (public/ by default)
    #[command(
        after_help = "Examples:\n  gen build\n  gen build --root my-playbook --output /tmp/site\n  gen build --base-url https://wiki.example.com/ai-playbook/\n  gen build --single-page playbook.html"
    )]
    Build {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site; relative paths are inside the site folder
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Write links relative to each page, for hosting whose path is unknown at build
        /// time or for opening the files directly (also `relative_links: true` in site.yaml)
        #[arg(long)]
        relative_links: bool,
        /// Print nothing but errors
        #[arg(long, short)]
        quiet: bool,
        /// Print the time of each stage (load, markdown, lints, templates, write)
        #[arg(long)]
        timings: bool,
        /// Also write the whole playbook as one standalone HTML file (styles inlined, no
        /// scripts), for print and for wikis that take a single page
        #[arg(long, value_name = "FILE")]
        single_page: Option<PathBuf>,
        /// Keep highlighted code blocks in DIR between builds, so that a rebuild highlights
        /// only the blocks it has not seen (e.g. a folder your CI caches); relative paths are
        /// inside the site folder
        #[arg(long, value_name = "DIR")]
        cache: Option<PathBuf>,
    },
    /// Validate every page, run the playbook lints and check links, writing nothing
    #[command(
        after_help = "Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --deny-warnings), 2 usage or I/O errors.\n\nExamples:\n  gen check\n  gen check --format json > findings.json\n  gen check --deny-warnings     # in CI"
    )]
    Check {
        #[command(flatten)]
        site: SiteArgs,
        /// `human` (grouped by file) or `json` (for CI and editors)
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Build, serve on 127.0.0.1 with live reload, and rebuild what changes as you edit
    #[command(
        after_help = "Examples:\n  gen serve\n  gen serve --port 8080 --open\n  gen serve --port 0            # any free port\n  gen serve --poll              # on network mounts where file events do not arrive"
    )]
    Serve {
        #[command(flatten)]
        site: SiteArgs,
        /// The address to listen on; other machines can reach the preview only if you change it
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// The port; if it is taken, the next free one is used (0: any free port)
        #[arg(long, short, default_value_t = 1111)]
        port: u16,
        /// Open the site in a browser
        #[arg(long)]
        open: bool,
        /// Do not move the browser to the page you just edited
        #[arg(long)]
        no_follow: bool,
        /// Poll for changes instead of using file-system events
        #[arg(long)]
        poll: bool,
        /// Print the time of each stage of every rebuild
        #[arg(long)]
        timings: bool,
    },
    /// Create a new playbook site in DIR that builds at once
    #[command(
        after_help = "Examples:\n  gen init my-playbook           # the whole shipped playbook\n  gen init my-playbook --bare    # one example brief and the guides"
    )]
    Init {
        /// The folder to create (or fill, with --force)
        dir: PathBuf,
        /// Start with one example brief and the guides, not every shipped brief
        #[arg(long)]
        bare: bool,
        /// Write into a folder that is not empty, replacing files of the same names
        #[arg(long)]
        force: bool,
    },
    /// Scaffold a new brief or guide page from the theme's archetypes/ templates
    #[command(subcommand)]
    New(NewCommand),
    /// Print (or write) the JSON Schema of a brief's front matter, for editors
    #[command(
        after_help = "Examples:\n  gen schema --output role.schema.json\n\nThen, in a brief, the first front-matter line\n  # yaml-language-server: $schema=../../role.schema.json\nlets the YAML language server (VS Code, Neovim, ...) check it as you type."
    )]
    Schema {
        /// The site folder (its site.yaml gives the archetypes and capabilities)
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Write to this file instead of standard output
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  gen completions bash > ~/.local/share/bash-completion/completions/gen\n  gen completions zsh > ~/.zfunc/_gen\n  gen completions fish > ~/.config/fish/completions/gen.fish"
    )]
    Completions { shell: clap_complete::Shell },
    /// Rebuild into the output folder on every change, without serving (for folder-synced wikis)
    #[command(
        after_help = "Examples:\n  gen watch\n  gen watch --output /srv/wiki/playbook --base-url https://wiki.example.com/playbook/"
    )]
    Watch {
        #[command(flatten)]
        site: SiteArgs,
        /// Where to write the site; relative paths are inside the site folder
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Poll for changes instead of using file-system events
        #[arg(long)]
        poll: bool,
        /// Print the time of each stage of every rebuild
        #[arg(long)]
        timings: bool,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

fn stdout_has_color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

#[derive(Subcommand)]
enum NewCommand {
    /// A role brief with every key and the intake questions as comments
    #[command(
        after_help = "Examples:\n  gen new role \"Head of AI, Claims\" --archetype manager\n  gen new role \"ML Engineer\" --slug ml-engineer\n  gen new role \"Head of AI, Claims\" --from head-of-ai   # content/plan/, derived"
    )]
    Role {
        /// The role's title
        title: String,
        /// Derive the brief from this one (its slug): writes content/plan/<slug>.md with
        /// `extends` and only the keys worth overriding
        #[arg(long, value_name = "SLUG")]
        from: Option<String>,
        /// builder, manager, architect or executive-operator (the site's archetypes)
        #[arg(long, default_value = "builder")]
        archetype: String,
        /// The file and page name; defaults to the title as a slug
        #[arg(long)]
        slug: Option<String>,
        /// The site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// A guide page under content/guides/
    Page {
        /// The page's title
        title: String,
        /// The file and page name; defaults to the title as a slug
        #[arg(long)]
        slug: Option<String>,
        /// The site folder
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let report = error.render(rolebook::stderr_has_color());
            if !report.is_empty() {
                eprintln!("{report}");
            }
            ExitCode::from(error.exit_code() as u8)
        }
    }
}

fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Build {
            site,
            output,
            relative_links,
            quiet,
            timings,
            single_page,
            cache,
        } => {
            let output = site.output(&output);
            let options = LoadOptions {
                relative_links,
                ..site.load_options()
            };
            let cache = cache.map(|dir| site.output(&Some(dir)));
            if let Some(dir) = &cache
                && let Some(warning) = rolebook::open_highlight_cache(&output, dir)?
                && !quiet
            {
                eprintln!("warning: {warning}");
            }
            let progress = rolebook::progress::stderr_reporter(quiet);
            let report =
                rolebook::build_site_with_progress(&site.root, &options, &output, progress)?;
            if let Some(dir) = &cache
                && let Err(error) = rolebook::render::highlight::save_cache(dir)
            {
                eprintln!(
                    "warning: cannot write the highlight cache in {}: {error}",
                    dir.display()
                );
            }
            if let Some(file) = &single_page {
                rolebook::write_single_page(&site.root, &options, file)?;
                if !quiet {
                    eprintln!("Wrote the whole playbook to {}", file.display());
                }
            }
            if timings {
                for (stage, time) in &report.stages {
                    eprintln!("{:>8.1} ms  {stage}", time.as_secs_f64() * 1000.0);
                }
            }
            if quiet {
                return Ok(());
            }
            // A few in full; a big playbook's warnings belong on the health page.
            const SHOWN: usize = 20;
            let shown = &report.warnings[..report.warnings.len().min(SHOWN)];
            if !shown.is_empty() {
                eprint!(
                    "{}",
                    rolebook::render_diagnostics(shown, rolebook::stderr_has_color())
                );
            }
            if report.warnings.len() > SHOWN {
                eprintln!(
                    "… and {} more warnings: `gen check` lists them all.",
                    report.warnings.len() - SHOWN
                );
            }
            let warnings = match report.warnings.len() {
                0 => String::new(),
                1 => "; 1 warning (see the Playbook health page)".to_string(),
                n => format!("; {n} warnings (see the Playbook health page)"),
            };
            eprintln!(
                "Built {} pages ({} files) into {} in {} ms{warnings}",
                report.pages,
                report.files,
                output.display(),
                report.elapsed.as_millis()
            );
            Ok(())
        }
        Command::Check {
            site,
            format,
            deny_warnings,
        } => {
            let findings = rolebook::check_site(&site.root, &site.load_options())?;
            match format {
                Format::Human => {
                    print!("{}", rolebook::report::human(&findings, stdout_has_color()))
                }
                Format::Json => print!("{}", rolebook::report::json(&findings)),
            }
            let errors = findings.iter().any(|f| f.severity == Severity::Error);
            if errors || (deny_warnings && !findings.is_empty()) {
                return Err(Error::Reported);
            }
            Ok(())
        }
        Command::Serve {
            site,
            bind,
            port,
            open,
            no_follow,
            poll,
            timings,
        } => rolebook::serve::serve(rolebook::serve::ServeOptions {
            root: site.root.clone(),
            bind,
            port,
            load: site.load_options(),
            open,
            follow: !no_follow,
            poll,
            timings,
        }),
        Command::Init { dir, bare, force } => {
            let written = rolebook::scaffold::init(&dir, bare, force)?;
            eprintln!(
                "Created a playbook in {} ({} files). Next:\n  cd {}\n  gen serve",
                dir.display(),
                written.files.len(),
                dir.display()
            );
            Ok(())
        }
        Command::New(NewCommand::Role {
            title,
            from,
            archetype,
            slug,
            root,
        }) => {
            let path = match &from {
                Some(from) => {
                    rolebook::scaffold::new_derived_role(&root, &title, from, slug.as_deref())?
                }
                None => {
                    rolebook::scaffold::new_role(&root, &title, Some(&archetype), slug.as_deref())?
                }
            };
            eprintln!(
                "Wrote {}: answer the questions in it, then `gen check`.",
                root.join(path).display()
            );
            Ok(())
        }
        Command::New(NewCommand::Page { title, slug, root }) => {
            let path = rolebook::scaffold::new_page(&root, &title, slug.as_deref())?;
            eprintln!("Wrote {}.", root.join(path).display());
            Ok(())
        }
        Command::Schema { root, output } => {
            let text = rolebook::scaffold::schema(&root)?;
            match output {
                Some(path) => std::fs::write(&path, text).map_err(|source| Error::Io {
                    path,
                    source,
                    help: None,
                }),
                None => {
                    print!("{text}");
                    Ok(())
                }
            }
        }
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "gen", &mut std::io::stdout());
            Ok(())
        }
        Command::Watch {
            site,
            output,
            poll,
            timings,
        } => rolebook::serve::watch(
            &site.root,
            site.load_options(),
            &site.output(&output),
            poll,
            timings,
        ),
    }
}
