//! Tera templates: the theme's `templates/`, overridden file by file by the site's own
//! `templates/` folder. Autoescape stays on for HTML and XML.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use crate::diagnostic::{Diagnostic, Diagnostics, Position};
use crate::render::i18n::Strings;
use crate::render::theme::Theme;

pub const TEMPLATES_DIR: &str = "templates";

/// The loaded templates and the file each came from, for error messages.
pub struct Templates {
    tera: Tera,
    /// The theme's words in each language (`i18n/*.ftl`), which `t(key=…)` looks up.
    strings: Arc<Strings>,
    /// Template name -> (path from the site root, text).
    files: BTreeMap<String, (PathBuf, Arc<str>)>,
}

impl Templates {
    /// Load the theme's `templates/**`, then the site's own `templates/**`, which win by name.
    pub fn load(root: &Path, theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut files = BTreeMap::new();
        let mut problems = Diagnostics::default();
        let site = Theme::Folder(root.to_path_buf());
        for source in [theme, &site] {
            collect(root, source, &mut files, &mut problems);
        }
        let strings = match Strings::load(root, theme) {
            Ok(strings) => Some(Arc::new(strings)),
            Err(found) => {
                problems.extend(found.0);
                None
            }
        };
        let (false, Some(strings)) = (!problems.is_empty(), strings) else {
            return Err(problems);
        };
        let mut tera = Tera::new();
        register_extras(&mut tera);
        crate::render::i18n::register(&mut tera, strings.clone());
        let raw: Vec<(String, String)> = files
            .iter()
            .map(|(name, (_, text))| (name.clone(), text.to_string()))
            .collect();
        let mut templates = Templates {
            tera,
            strings,
            files,
        };
        if let Err(error) = templates.tera.add_raw_templates(raw) {
            return Err(Diagnostics(vec![templates.diagnostic(&error, None)]));
        }
        Ok(templates)
    }

    /// Each template's file (from the site root) and text, for tracing output to them.
    pub fn sources(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files
            .values()
            .map(|(path, text)| (path.as_path(), &**text))
    }

    /// The theme's words in each language.
    pub fn strings(&self) -> &Strings {
        &self.strings
    }

    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Names whose text differs from `old`'s: edited, added or removed templates; every
    /// template when the theme's words (`i18n/*.ftl`) changed.
    pub fn changed_since(&self, old: &Templates) -> BTreeSet<String> {
        let names: BTreeSet<&String> = self.files.keys().chain(old.files.keys()).collect();
        if !self.strings.same_as(&old.strings) {
            return names.into_iter().cloned().collect();
        }
        names
            .into_iter()
            .filter(|name| {
                self.files.get(*name).map(|(_, t)| t) != old.files.get(*name).map(|(_, t)| t)
            })
            .cloned()
            .collect()
    }

    /// Of `pages` (page templates such as `role.html`), those whose output can change when the
    /// `changed` templates do: through `extends` and `include`, and every page when a changed
    /// template defines components (they are global).
    pub fn dependents(&self, changed: &BTreeSet<String>, pages: &[&str]) -> BTreeSet<String> {
        let defines_components = changed.iter().any(|name| {
            self.files
                .get(name)
                .is_none_or(|(_, text)| text.contains("{% component"))
        });
        pages
            .iter()
            .filter(|page| defines_components || self.uses_any(page, changed, &mut BTreeSet::new()))
            .map(|page| page.to_string())
            .collect()
    }

    fn uses_any(
        &self,
        name: &str,
        changed: &BTreeSet<String>,
        seen: &mut BTreeSet<String>,
    ) -> bool {
        if changed.contains(name) {
            return true;
        }
        if !seen.insert(name.to_string()) {
            return false;
        }
        let Some((_, text)) = self.files.get(name) else {
            return false;
        };
        references(text)
            .iter()
            .any(|other| self.uses_any(other, changed, seen))
    }

    /// Values every template sees (the site, its vocabulary, navigation).
    pub fn set_globals<T: Serialize>(&mut self, key: &'static str, value: &T) {
        self.tera.global_context().insert(key, value);
    }

    pub fn render(&self, name: &str, context: &Context) -> Result<String, Box<Diagnostic>> {
        let file = self.files.get(name).map_or_else(
            || name.to_string(),
            |(path, _)| crate::diagnostic::display_path(path),
        );
        let _running = crate::watchdog::watch(&file);
        self.tera
            .render(name, context)
            .map_err(|error| Box::new(self.diagnostic(&error, Some(name))))
    }

    /// Name the template file, line and column of a Tera error.
    fn diagnostic(&self, error: &tera::Error, rendering: Option<&str>) -> Diagnostic {
        let file_of = |name: &str| {
            self.files
                .get(name)
                .map(|(path, text)| (path.clone(), Some(text.clone())))
                .unwrap_or_else(|| (PathBuf::from(name), None))
        };
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                let (path, text) = file_of(report.filename());
                let span = report.span();
                let position = Position::new(span.start_line.max(1), span.start_col + 1);
                let kind = if matches!(error.kind(), ErrorKind::SyntaxError(_)) {
                    "template syntax error"
                } else {
                    "template error"
                };
                let message = match rendering {
                    Some(name) if name != report.filename() => {
                        format!("{kind}: {} (while rendering {name})", report.message())
                    }
                    _ => format!("{kind}: {}", report.message()),
                };
                let mut d = Diagnostic::new(path, position, message).with_help_opt(
                    report
                        .message()
                        .contains("not defined")
                        .then(|| "check the variable's name, or guard optional values with `x?.y` or `x or \"default\"`".to_string()),
                );
                if let Some(text) = text {
                    d = d.with_source(text);
                }
                d
            }
            ErrorKind::TemplateNotFound(name) => Diagnostic::new(
                PathBuf::from(TEMPLATES_DIR).join(name),
                Position::START,
                format!("template error: no template `{name}` in the theme or in templates/"),
            )
            .with_help(format!(
                "a theme made before gen had this page lacks it: add {name} to the theme's \
                 templates/ or to the site's (the built-in theme's is \
                 themes/default/templates/{name} in gen's source)"
            )),
            ErrorKind::MissingParent { current, parent } => {
                let (path, _) = file_of(current);
                Diagnostic::new(
                    path,
                    Position::START,
                    format!("template error: it extends `{parent}`, which is not a template"),
                )
                .with_help(format!(
                    "add {parent} to the theme's templates/ or to the site's, or extend another"
                ))
            }
            ErrorKind::CircularInclude { tpl, include_chain } => {
                let (path, _) = file_of(tpl);
                Diagnostic::new(
                    path,
                    Position::START,
                    format!(
                        "template error: templates include each other in a loop: {}",
                        include_chain.join(" → ")
                    ),
                )
                .with_help("remove one of the `{% include %}` tags so the chain ends")
            }
            ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => {
                let (path, _) = file_of(tpl);
                Diagnostic::new(
                    path,
                    Position::START,
                    format!(
                        "template error: templates extend each other in a loop: {}",
                        inheritance_chain.join(" → ")
                    ),
                )
                .with_help("one template of the chain must not `{% extends %}` another")
            }
            _ => {
                // Checks Tera runs over all templates (unknown filters, tests, functions,
                // components, blocks) arrive as text: the first one, located.
                if let ErrorKind::Msg(text) = error.kind()
                    && let Some((name, position, message)) = located(text)
                {
                    let (path, source) = file_of(name);
                    let d = Diagnostic::new(path, position, format!("template error: {message}"));
                    return match source {
                        Some(text) => d.with_source(text),
                        None => d,
                    };
                }
                let (path, _) = file_of(rendering.unwrap_or(""));
                Diagnostic::new(path, Position::START, format!("template error: {error}"))
            }
        }
    }
}

/// The template, position and message of a Tera report given as text:
/// `error: Unknown filter `x`` then ` --> page.html:3:17`.
fn located(report: &str) -> Option<(&str, Position, &str)> {
    let message = report.lines().next()?.trim().trim_start_matches("error: ");
    let place = report
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = place.trim().rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    Some((name, Position::new(line, column), message))
}

/// Templates named by `{% extends "x" %}` and `{% include "x" %}` tags.
fn references(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag.trim_start_matches('-').trim_start();
        let Some(rest) = tag
            .strip_prefix("extends")
            .or_else(|| tag.strip_prefix("include"))
        else {
            continue;
        };
        let rest = rest.trim_start();
        let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(end) = rest[1..].find(quote) {
            names.push(rest[1..1 + end].to_string());
        }
    }
    names
}

fn collect(
    root: &Path,
    source: &Theme,
    files: &mut BTreeMap<String, (PathBuf, Arc<str>)>,
    problems: &mut Diagnostics,
) {
    let found = match source.files(root, TEMPLATES_DIR) {
        Ok(found) => found,
        Err(error) => {
            problems.push(Diagnostic::new(
                TEMPLATES_DIR,
                Position::START,
                format!("cannot read templates: {error}"),
            ));
            return;
        }
    };
    for file in found {
        match String::from_utf8(file.bytes.into_owned()) {
            Ok(text) => {
                files.insert(file.name, (file.shown_as, Arc::from(text)));
            }
            Err(_) => problems.push(
                Diagnostic::new(
                    file.shown_as,
                    Position::START,
                    "the template is not valid UTF-8",
                )
                .with_help("save it as UTF-8"),
            ),
        }
    }
}

/// Filters that Tera 2 moved to tera-contrib, which themes written for Zola expect.
fn register_extras(tera: &mut Tera) {
    tera.register_filter("json_encode", tera_contrib::json::json_encode);
    tera.register_filter("slugify", slugify);
    tera.register_filter("urlencode", tera_contrib::urlencode::urlencode);
    tera.register_filter(
        "urlencode_strict",
        tera_contrib::urlencode::urlencode_strict,
    );
}

/// The `slugify` filter: the slugs gen writes pages under, so that an address a template
/// makes from a name (`/tags/{{ tag | slugify }}/`) leads to the page written for it.
fn slugify(text: &str, _: tera::Kwargs, _: &tera::State) -> String {
    crate::slug::slugify(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(templates: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, text) in templates {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        dir
    }

    #[test]
    fn site_templates_override_the_theme_file_by_file() {
        let dir = site_with(&[
            (
                "themes/t/templates/base.html",
                "[{% block main %}{% endblock main %}]",
            ),
            (
                "themes/t/templates/page.html",
                "{% extends \"base.html\" %}{% block main %}theme{% endblock main %}",
            ),
            (
                "templates/page.html",
                "{% extends \"base.html\" %}{% block main %}site {{ x }}{% endblock main %}",
            ),
        ]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/t")))
            .expect("loads");
        let mut context = Context::new();
        context.insert("x", "<b>");
        let html = templates.render("page.html", &context).expect("renders");
        assert_eq!(html, "[site &lt;b&gt;]");
    }

    #[test]
    fn the_slugify_filter_makes_the_slugs_pages_are_written_under() {
        let dir = site_with(&[(
            "templates/page.html",
            "{% for t in tags %}{{ t | slugify }} {% endfor %}",
        )]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/t")))
            .expect("loads");
        let tags = ["R&D", "C++", "data science", "Führung", "データ"];
        let mut context = Context::new();
        context.insert("tags", &tags);
        let html = templates.render("page.html", &context).expect("renders");
        let expected: String = tags
            .iter()
            .map(|t| format!("{} ", crate::slug::slugify(t)))
            .collect();
        assert_eq!(html, expected);
        assert_eq!(html, "rd c data-science führung データ ");
    }

    #[test]
    fn missing_variables_name_the_template_file_and_line() {
        let dir = site_with(&[("themes/t/templates/page.html", "line one\n{{ nope }}\n")]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/t")))
            .expect("loads");
        let err = templates
            .render("page.html", &Context::new())
            .expect_err("undefined");
        assert_eq!(err.file, PathBuf::from("themes/t/templates/page.html"));
        assert_eq!(err.position.line, 2);
        assert!(err.message.contains("nope"), "{}", err.message);
    }

    #[test]
    fn syntax_errors_name_the_template_file() {
        let dir = site_with(&[("templates/page.html", "ok\n{% if %}\n")]);
        let err = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/none")))
            .err()
            .expect("syntax error");
        let d = &err.0[0];
        assert_eq!(d.file, PathBuf::from("templates/page.html"));
        assert_eq!(d.position.line, 2);
    }

    #[test]
    fn dependents_follow_extends_and_include() {
        let dir = site_with(&[
            (
                "themes/t/templates/base.html",
                "{% include \"nav.html\" %}{% block main %}{% endblock main %}",
            ),
            ("themes/t/templates/nav.html", "nav"),
            (
                "themes/t/templates/role.html",
                "{% extends \"base.html\" %}{% block main %}r{% endblock main %}",
            ),
            ("themes/t/templates/page.html", "p"),
            (
                "themes/t/templates/components.html",
                "{% component x() %}x{% endcomponent x %}",
            ),
        ]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/t")))
            .expect("loads");
        let pages = ["role.html", "page.html"];
        let changed = |n: &str| BTreeSet::from([n.to_string()]);
        assert_eq!(
            templates.dependents(&changed("nav.html"), &pages),
            changed("role.html")
        );
        assert_eq!(
            templates.dependents(&changed("page.html"), &pages),
            changed("page.html")
        );
        assert_eq!(
            templates
                .dependents(&changed("components.html"), &pages)
                .len(),
            2
        );
        assert_eq!(
            references("{%- extends 'a.html' -%}{% include \"b.html\" %}"),
            ["a.html", "b.html"]
        );
    }

    #[test]
    fn an_edited_word_marks_every_template_changed() {
        let dir = site_with(&[
            ("templates/page.html", "{{ t(key=\"outcome\") }}"),
            ("i18n/de.ftl", "outcome = Ziel\n"),
        ]);
        let theme = Theme::Folder(dir.path().join("themes/none"));
        let old = Templates::load(dir.path(), &theme).expect("loads");
        let mut context = Context::new();
        context.insert("lang", "de");
        assert_eq!(old.render("page.html", &context).expect("renders"), "Ziel");
        std::fs::write(dir.path().join("i18n/de.ftl"), "outcome = Geschäftsziel\n").expect("write");
        let fresh = Templates::load(dir.path(), &theme).expect("loads");
        assert!(fresh.changed_since(&old).contains("page.html"));
        assert!(old.changed_since(&old).is_empty());
        assert_eq!(
            fresh.render("page.html", &context).expect("renders"),
            "Geschäftsziel"
        );
    }

    #[test]
    fn a_word_without_lang_says_how_to_pass_it() {
        let dir = site_with(&[(
            "templates/page.html",
            "{% component c() %}{{ t(key=\"outcome\") }}{% endcomponent c %}{{<c />}}",
        )]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/none")))
            .expect("loads");
        let mut context = Context::new();
        context.insert("lang", "en");
        let err = templates
            .render("page.html", &context)
            .expect_err("no lang in the component");
        assert!(err.message.contains("@lang"), "{}", err.message);
    }

    #[test]
    fn a_missing_page_template_says_where_to_add_it() {
        let dir = site_with(&[(
            "themes/old/templates/base.html",
            "{% block main %}{% endblock main %}",
        )]);
        let templates = Templates::load(dir.path(), &Theme::Folder(dir.path().join("themes/old")))
            .expect("loads");
        let err = templates
            .render("matrix.html", &Context::new())
            .expect_err("no such template");
        assert_eq!(err.file, PathBuf::from("templates/matrix.html"));
        assert!(
            err.message.contains("no template `matrix.html`"),
            "{}",
            err.message
        );
        assert!(
            err.help
                .as_deref()
                .is_some_and(|h| h.contains("themes/default/templates/matrix.html"))
        );
    }
}
