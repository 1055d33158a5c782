//! Authoring: `gen init` (a new site), `gen new role` and `gen new page` (a new file from the
//! theme's `archetypes/` templates). Nothing here overwrites a file unless told to.

use std::path::{Path, PathBuf};

use rust_embed::RustEmbed;
use tera::{Context, Tera};

use crate::authoring::create::{Created, already_exists, create_file};
use crate::config::Config;
use crate::content::addresses::{self, address_of};
use crate::diagnostic::did_you_mean;
use crate::engine::site::read_config;
use crate::error::Error;
use crate::render::theme::Theme;
use crate::slug::{is_valid_slug, slugify};

#[derive(RustEmbed)]
#[folder = "content/"]
struct ShippedContent;

/// The `site.yaml` of the shipped playbook.
const SITE_YAML: &str = include_str!("../../site.yaml");

/// The brief a bare site starts with.
const EXAMPLE_BRIEF: &str = "roles/head-of-ai.md";

/// What a scaffolding command wrote, and what it found already there and kept.
#[derive(Debug, Default)]
pub struct Written {
    pub files: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
        help: None,
    }
}

/// Create `root/relative`, refusing a path that is taken (a file, a link, or another page
/// at the same address on the site).
fn create_page(root: &Path, relative: &Path, bytes: &[u8]) -> Result<(), Error> {
    refuse_taken_address(root, relative)?;
    match create_file(root, relative, bytes)? {
        Created::Written => Ok(()),
        Created::Kept => Err(already_exists(root, relative)),
    }
}

/// A new page may not take the address of a page that exists (`content/plan/x.md` and
/// `content/roles/x.md` are both `/roles/x/`): the site would not build.
fn refuse_taken_address(root: &Path, relative: &Path) -> Result<(), Error> {
    let Ok(in_content) = relative.strip_prefix(crate::content::CONTENT_DIR) else {
        return Ok(());
    };
    let content_path = crate::diagnostic::display_path(in_content);
    let address = address_of(&content_path, None);
    let taken = addresses::taken(root);
    let Some(existing) = taken.get(&address) else {
        return Ok(());
    };
    if existing == relative {
        return Err(already_exists(root, relative));
    }
    let stem = content_path.strip_suffix(".md").unwrap_or(&content_path);
    let (folder, slug) = stem.rsplit_once('/').unwrap_or(("", stem));
    let free = (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|candidate| {
            let path = if folder.is_empty() {
                format!("{candidate}.md")
            } else {
                format!("{folder}/{candidate}.md")
            };
            !taken.contains_key(&address_of(&path, None))
        })
        .unwrap_or_default();
    Err(Error::usage(
        format!(
            "the slug `{slug}` is taken: {} is already the page at /{address}",
            crate::diagnostic::display_path(existing)
        ),
        Some(format!(
            "choose another slug with --slug (e.g. `--slug {free}`), or edit {} instead",
            crate::diagnostic::display_path(existing)
        )),
    ))
}

/// `gen init`: a new playbook site in `dir` that builds at once. `bare` starts with one
/// example brief and the guides instead of the whole shipped playbook. `add` fills a folder
/// that is not empty with the files it lacks; a file already there is kept as it is.
pub fn init(dir: &Path, bare: bool, add: bool) -> Result<Written, Error> {
    if dir.is_file() {
        return Err(Error::usage(format!("{} is a file", dir.display()), None));
    }
    let is_empty = !dir.exists() || std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
    if !is_empty && !add {
        return Err(Error::usage(
            format!("{} is not empty", dir.display()),
            Some(
                "choose a new folder, or pass --force to add the playbook's files that are missing here (files already there are kept)".to_string(),
            ),
        ));
    }
    std::fs::create_dir_all(dir).map_err(Error::writing(dir))?;
    let mut written = Written::default();
    // The shipped `organization:` is the worked plan's insurer, which a new site does not
    // get: its posts say nothing about the organization until it writes its own.
    let shipped = without_section(SITE_YAML, "organization");
    // So are its budget and the staffing file its plan reads.
    let shipped = without_section(&without_section(&shipped, "budget"), "staffing");
    let site_yaml = if bare { bare_config(&shipped) } else { shipped };
    let mut put = |relative: &str, bytes: &[u8]| -> Result<(), Error> {
        let list = match create_file(dir, Path::new(relative), bytes)? {
            Created::Written => &mut written.files,
            Created::Kept => &mut written.kept,
        };
        list.push(PathBuf::from(relative));
        Ok(())
    };
    put("site.yaml", site_yaml.as_bytes())?;
    put(".gitignore", b"/public\n")?;
    let mut names: Vec<_> = ShippedContent::iter().collect();
    names.sort();
    for name in names {
        // The worked team plan is the repository's example, not a new company's plan.
        let keep = !name.starts_with("plan/")
            && (!bare || name.starts_with("guides/") || name == EXAMPLE_BRIEF);
        if let (true, Some(file)) = (keep, ShippedContent::get(&name)) {
            put(&format!("content/{name}"), &file.data)?;
        }
    }
    // The schema follows the site.yaml the folder ends up with, the one kept if it parses.
    let shipped = Config::parse(&site_yaml, Path::new("site.yaml")).map_err(|d| Error::from(*d))?;
    let config = read_config(dir).unwrap_or(shipped);
    put(
        crate::authoring::schema::SCHEMA_FILE,
        crate::authoring::schema::role_schema_text(&config).as_bytes(),
    )?;
    Ok(written)
}

/// `yaml` without the top-level key `key` and its value (the indented lines below it).
fn without_section(yaml: &str, key: &str) -> String {
    let mut kept = String::with_capacity(yaml.len());
    let mut skipping = false;
    for line in yaml.split_inclusive('\n') {
        let top_level = !line.starts_with([' ', '\t', '#']) && !line.trim().is_empty();
        if top_level {
            skipping = line.starts_with(&format!("{key}:"));
        }
        if !skipping {
            kept.push_str(line);
        }
    }
    kept
}

/// A bare site links to briefs it does not have yet: those lints warn until they exist.
fn bare_config(site_yaml: &str) -> String {
    site_yaml
        .replace(
            "  unknown-role: deny",
            "  # A bare playbook names briefs it does not have yet; set these back to deny\n  # once they exist.\n  unknown-role: warn",
        )
        .replace("  broken-link: deny", "  broken-link: warn")
}

/// Render the theme's `archetypes/<kind>.md` scaffold.
fn scaffold(root: &Path, config: &Config, kind: &str, context: &Context) -> Result<String, Error> {
    let theme = Theme::resolve(root, &config.theme)
        .ok_or_else(|| Error::usage(format!("theme `{}` not found", config.theme), None))?;
    let name = format!("{kind}.md");
    let site = Theme::Folder(root.to_path_buf());
    let file = site
        .files(root, "archetypes")
        .map_err(io(root))?
        .into_iter()
        .chain(theme.files(root, "archetypes").map_err(io(root))?)
        .find(|f| f.name == name)
        .ok_or_else(|| Error::usage(format!("the theme has no archetypes/{name}"), None))?;
    let template = String::from_utf8_lossy(&file.bytes).into_owned();
    let mut tera = Tera::new();
    tera.register_filter("json_encode", tera_contrib::json::json_encode);
    tera.add_raw_template(&name, &template)
        .and_then(|_| tera.render(&name, context))
        .map_err(|e| Error::usage(format!("{}: {e}", file.shown_as.display()), None))
}

fn choose_slug(title: &str, slug: Option<&str>) -> Result<String, Error> {
    let slug = slug.map_or_else(|| slugify(title), str::to_string);
    if is_valid_slug(&slug) {
        Ok(slug)
    } else {
        Err(Error::usage(
            format!("`{slug}` is not a valid slug"),
            Some(format!(
                "use lowercase letters, digits and hyphens, e.g. `{}`",
                slugify(&slug)
            )),
        ))
    }
}

/// `gen new role`: `content/roles/<slug>.md` with every key and the intake questions.
pub fn new_role(
    root: &Path,
    title: &str,
    archetype: Option<&str>,
    slug: Option<&str>,
) -> Result<PathBuf, Error> {
    let config = read_config(root)?;
    let archetypes: Vec<&str> = config.archetype_keys().collect();
    let archetype = archetype.unwrap_or("builder");
    if !archetypes.contains(&archetype) {
        let help = match did_you_mean(archetype, archetypes.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("one of: {}", archetypes.join(", ")),
        };
        return Err(Error::usage(
            format!("unknown archetype `{archetype}`"),
            Some(help),
        ));
    }
    let slug = choose_slug(title, slug)?;
    let relative = PathBuf::from(format!("content/roles/{slug}.md"));
    let mut context = Context::new();
    context.insert("title", title);
    context.insert("slug", &slug);
    context.insert("archetype", archetype);
    context.insert("archetypes", &archetypes);
    context.insert(
        "capabilities",
        &config.capability_keys().collect::<Vec<_>>(),
    );
    context.insert("interfaces", &config.interfaces.required);
    context.insert("optional_interfaces", &config.interfaces.optional);
    context.insert("levels", &config.level_keys().collect::<Vec<_>>());
    context.insert(
        "schema_path",
        &format!("../../{}", crate::authoring::schema::SCHEMA_FILE),
    );
    let text = scaffold(root, &config, "role", &context)?;
    create_page(root, &relative, text.as_bytes())?;
    Ok(relative)
}

/// `gen new role --from <slug>`: `content/plan/<slug>.md`, a brief derived from the brief
/// `from` with only the keys worth overriding (title, extends, outcome, status) and hints;
/// `extend_and_own` adds `starting_point: extend-and-own` and the handover facts to fill in.
pub fn new_derived_role(
    root: &Path,
    title: &str,
    from: &str,
    slug: Option<&str>,
    extend_and_own: bool,
) -> Result<PathBuf, Error> {
    let config = read_config(root)?;
    let folders = [crate::content::ROLES_DIR, crate::content::PLAN_DIR];
    let parent = folders
        .iter()
        .map(|dir| {
            root.join(crate::content::CONTENT_DIR)
                .join(dir)
                .join(format!("{from}.md"))
        })
        // Not through a symbolic link: nothing is read from outside the site.
        .find(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()));
    let Some(parent) = parent else {
        let mut known: Vec<String> = Vec::new();
        for dir in folders {
            let folder = root.join(crate::content::CONTENT_DIR).join(dir);
            let entries = std::fs::read_dir(&folder).into_iter().flatten().flatten();
            for entry in entries.filter(|e| e.file_type().is_ok_and(|t| t.is_file())) {
                let name = entry.file_name().to_string_lossy().into_owned();
                if let Some(stem) = name.strip_suffix(".md") {
                    known.push(stem.to_string());
                }
            }
        }
        known.sort();
        let help = match did_you_mean(from, known.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("briefs: {}", known.join(", ")),
        };
        return Err(Error::usage(
            format!("there is no brief `{from}` in content/roles/ or content/plan/"),
            Some(help),
        ));
    };
    let text = std::fs::read_to_string(&parent).map_err(io(&parent))?;
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}:")))
            .map(|v| v.trim().trim_matches('"').to_string())
            .unwrap_or_default()
    };
    let slug = choose_slug(title, slug)?;
    let relative = PathBuf::from(format!(
        "{}/{}/{slug}.md",
        crate::content::CONTENT_DIR,
        crate::content::PLAN_DIR
    ));
    let mut context = Context::new();
    context.insert("title", title);
    context.insert("parent", from);
    context.insert("parent_title", &field("title"));
    context.insert("parent_outcome", &field("outcome"));
    context.insert("extend_and_own", &extend_and_own);
    context.insert(
        "schema_path",
        &format!("../../{}", crate::authoring::schema::SCHEMA_FILE),
    );
    let text = scaffold(root, &config, "derived", &context)?;
    create_page(root, &relative, text.as_bytes())?;
    Ok(relative)
}

/// `gen new page`: a guide page in `content/guides/<slug>.md`.
pub fn new_page(root: &Path, title: &str, slug: Option<&str>) -> Result<PathBuf, Error> {
    let config = read_config(root)?;
    let slug = choose_slug(title, slug)?;
    let relative = PathBuf::from(format!("content/guides/{slug}.md"));
    let mut context = Context::new();
    context.insert("title", title);
    context.insert("slug", &slug);
    let text = scaffold(root, &config, "page", &context)?;
    create_page(root, &relative, text.as_bytes())?;
    Ok(relative)
}

/// `gen schema`: the role schema of the site at `root`.
pub fn schema(root: &Path) -> Result<String, Error> {
    Ok(crate::authoring::schema::role_schema_text(&read_config(
        root,
    )?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_site_does_not_inherit_the_worked_plan_s_organization() {
        let yaml = "title: T\norganization:\n  name: Insurer\n  about: |\n    Text.\n\n    More.\npay_transparency:\n  jurisdiction: eu\n";
        assert_eq!(
            without_section(yaml, "organization"),
            "title: T\npay_transparency:\n  jurisdiction: eu\n"
        );
        let site = without_section(SITE_YAML, "organization");
        assert!(SITE_YAML.contains("\norganization:"));
        assert!(SITE_YAML.contains("\nbudget:"));
        let site = without_section(&without_section(&site, "budget"), "staffing");
        assert!(!site.contains("\nbudget:") && !site.contains("\nstaffing:"));
        assert!(!site.contains("organization:\n") && site.contains("levels:"));
        Config::parse(&site, Path::new("site.yaml")).expect("still valid");
    }
}
