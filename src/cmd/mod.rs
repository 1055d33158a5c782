//! The command line: clap's arguments, and each command turned into calls of the library
//! (`engine`, `serve`, `authoring`), its printing and its exit code. Nothing here is
//! needed by a test that the library does not also offer.

mod authoring;
mod build;
mod check;
mod export;
pub mod progress;
pub mod report;
mod serve;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
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
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Which site, and how to read it: shared by the commands that build.
#[derive(Args)]
pub struct SiteArgs {
    /// The site folder (holding site.yaml and content/)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Replace site.yaml's base_url (e.g. for a preview under another address)
    #[arg(long, value_parser = base_url_value)]
    pub base_url: Option<String>,
    /// Include pages marked `draft: true`
    #[arg(long)]
    pub drafts: bool,
}

/// `--base-url` is held to the rules of `base_url` in site.yaml.
fn base_url_value(text: &str) -> Result<String, String> {
    match rolebook::config::address::problem(text) {
        None => Ok(text.to_string()),
        Some(problem) => Err(format!(
            "{problem}\n  help: {}",
            rolebook::config::address::HELP
        )),
    }
}

impl SiteArgs {
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            drafts: self.drafts,
            base_url: self.base_url.clone(),
            relative_links: false,
        }
    }

    /// `--output`, relative to the site folder; `public/` in it by default.
    pub fn output(&self, output: &Option<PathBuf>) -> PathBuf {
        match output {
            Some(dir) if dir.is_relative() => self.root.join(dir),
            Some(dir) => dir.clone(),
            None => self.root.join("public"),
        }
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Check, render and write the site to the output folder (public/ by default)
    #[command(
        after_help = "Examples:\n  gen build\n  gen build --root my-playbook --output /tmp/site\n  gen build --base-url https://wiki.example.com/ai-playbook/\n  gen build --single-page playbook.html\n  gen build --docx playbook.docx"
    )]
    Build(BuildArgs),
    /// Validate every page, run the playbook lints and check links, writing nothing
    #[command(
        after_help = "Exit codes: 0 no errors (warnings allowed), 1 errors (or warnings with --deny-warnings), 2 usage or I/O errors.\n\nExamples:\n  gen check\n  gen check --format json > findings.json\n  gen check --deny-warnings     # in CI\n  gen check --ready             # before opening a search: open briefs answer every intake question"
    )]
    Check(CheckArgs),
    /// Build, serve on 127.0.0.1 with live reload, and rebuild what changes as you edit
    #[command(
        after_help = "Examples:\n  gen serve\n  gen serve --port 8080 --open\n  gen serve --port 0            # any free port\n  gen serve --poll              # on network mounts where file events do not arrive"
    )]
    Serve(ServeArgs),
    /// Create a new playbook site in DIR that builds at once
    #[command(
        after_help = "Examples:\n  gen init my-playbook           # the whole shipped playbook\n  gen init my-playbook --bare    # one example brief and the guides"
    )]
    Init(InitArgs),
    /// Scaffold a new brief or guide page from the theme's archetypes/ templates
    #[command(subcommand)]
    New(NewCommand),
    /// Print (or write) the JSON Schema of a brief's front matter, for editors
    #[command(
        after_help = "Examples:\n  gen schema --output role.schema.json\n\nThen, in a brief, the first front-matter line\n  # yaml-language-server: $schema=../../role.schema.json\nlets the YAML language server (VS Code, Neovim, ...) check it as you type."
    )]
    Schema(SchemaArgs),
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  gen completions bash > ~/.local/share/bash-completion/completions/gen\n  gen completions zsh > ~/.zfunc/_gen\n  gen completions fish > ~/.config/fish/completions/gen.fish"
    )]
    Completions { shell: clap_complete::Shell },
    /// Rebuild into the output folder on every change, without serving (for folder-synced wikis)
    #[command(
        after_help = "Examples:\n  gen watch\n  gen watch --output /srv/wiki/playbook --base-url https://wiki.example.com/playbook/"
    )]
    Watch(WatchArgs),
    /// Write the playbook for a wiki to import: Confluence pages, MkDocs (Backstage
    /// TechDocs) sources, or one Word document
    #[command(
        after_help = "Examples:\n  gen export confluence --output export/confluence\n  gen export techdocs --output export/techdocs   # then: mkdocs build, or Backstage TechDocs\n  gen export docx --output export/word\n\nDIR must be new, empty or an earlier export; it is replaced whole."
    )]
    Export(ExportArgs),
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ExportTarget {
    /// Storage-format XHTML pages, a page-tree manifest and attachments
    Confluence,
    /// mkdocs.yml, docs/ and catalog-info.yaml for Backstage TechDocs
    Techdocs,
    /// The whole playbook as playbook.docx, for SharePoint and Google Drive
    Docx,
}

#[derive(Args)]
pub struct ExportArgs {
    /// What to write
    #[arg(value_enum)]
    pub target: ExportTarget,
    #[command(flatten)]
    pub site: SiteArgs,
    /// The folder to write; relative paths are inside the site folder
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    /// Print nothing but errors
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
}

pub fn stdout_has_color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

#[derive(Subcommand)]
pub enum NewCommand {
    /// A role brief with every key and the intake questions as comments
    #[command(
        after_help = "Examples:\n  gen new role \"Head of AI, Claims\" --archetype manager\n  gen new role \"ML Engineer\" --slug ml-engineer\n  gen new role \"Head of AI, Claims\" --from head-of-ai   # content/plan/, derived\n  gen new role \"Head of AI, Claims\" --from head-of-ai --extend-and-own"
    )]
    Role {
        /// The role's title
        title: String,
        /// Derive the brief from this one (its slug): writes content/plan/<slug>.md with
        /// `extends` and only the keys worth overriding
        #[arg(long, value_name = "SLUG")]
        from: Option<String>,
        /// With --from: the hire extends and owns a system a partner built (writes
        /// `starting_point: extend-and-own` and the handover facts to fill in)
        #[arg(long, requires = "from")]
        extend_and_own: bool,
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

#[derive(Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site; relative paths are inside the site folder
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Write links relative to each page, for hosting whose path is unknown at build
    /// time or for opening the files directly (also `relative_links: true` in site.yaml)
    #[arg(long)]
    pub relative_links: bool,
    /// Print nothing but errors
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the time of each stage (load, markdown, lints, templates, write)
    #[arg(long)]
    pub timings: bool,
    /// Also write the whole playbook as one standalone HTML file (styles inlined, no
    /// scripts), for print and for wikis that take a single page
    #[arg(long, value_name = "FILE")]
    pub single_page: Option<PathBuf>,
    /// Keep highlighted code blocks in DIR between builds, so that a rebuild highlights
    /// only the blocks it has not seen (e.g. a folder your CI caches); relative paths are
    /// inside the site folder
    #[arg(long, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Also write the whole playbook as one Word document (headings, lists, tables), for
    /// wikis that store documents; never replaces a file gen did not write
    #[arg(long, value_name = "FILE")]
    pub docx: Option<PathBuf>,
}

#[derive(Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// `human` (grouped by file) or `json` (for CI and editors)
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Fail (exit 1) on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Hold open briefs (`status: open`) to every intake question: each one unanswered or
    /// a placeholder is a `not-ready` error
    #[arg(long)]
    pub ready: bool,
}

#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The address to listen on; other machines can reach the preview only if you change it
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// The port; if it is taken, the next free one is used (0: any free port)
    #[arg(long, short, default_value_t = 1111)]
    pub port: u16,
    /// Open the site in a browser
    #[arg(long)]
    pub open: bool,
    /// Do not move the browser to the page you just edited
    #[arg(long)]
    pub no_follow: bool,
    /// Poll for changes instead of using file-system events
    #[arg(long)]
    pub poll: bool,
    /// Print the time of each stage of every rebuild
    #[arg(long)]
    pub timings: bool,
}

#[derive(Args)]
pub struct InitArgs {
    /// The folder to create (or, with --force, to add the missing files to)
    pub dir: PathBuf,
    /// Start with one example brief and the guides, not every shipped brief
    #[arg(long)]
    pub bare: bool,
    /// Add the playbook's missing files to a folder that is not empty; files already there are kept
    #[arg(long)]
    pub force: bool,
}

#[derive(Args)]
pub struct SchemaArgs {
    /// The site folder (its site.yaml gives the archetypes and capabilities)
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Write to this file instead of standard output
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site; relative paths are inside the site folder
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Poll for changes instead of using file-system events
    #[arg(long)]
    pub poll: bool,
    /// Print the time of each stage of every rebuild
    #[arg(long)]
    pub timings: bool,
}

/// Run one command; its errors are reported once, by `main`.
pub fn run(command: Command) -> Result<(), Error> {
    match command {
        Command::Build(args) => build::run(args),
        Command::Check(args) => check::run(args),
        Command::Serve(args) => serve::serve(args),
        Command::Watch(args) => serve::watch(args),
        Command::Export(args) => export::run(args),
        Command::Init(args) => authoring::init(args),
        Command::New(NewCommand::Role {
            title,
            from,
            extend_and_own,
            archetype,
            slug,
            root,
        }) => authoring::new_role(
            &root,
            &title,
            from.as_deref().map(|from| (from, extend_and_own)),
            &archetype,
            slug.as_deref(),
        ),
        Command::New(NewCommand::Page { title, slug, root }) => {
            authoring::new_page(&root, &title, slug.as_deref())
        }
        Command::Schema(args) => authoring::schema(args),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            clap_complete::generate(shell, &mut Cli::command(), "gen", &mut std::io::stdout());
            Ok(())
        }
    }
}
