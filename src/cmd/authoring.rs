//! `gen init`, `gen new` and `gen schema`: writing sites, briefs and the schema.

use std::path::Path;

use rolebook::Error;
use rolebook::authoring::scaffold;

use super::{InitArgs, SchemaArgs};

pub fn init(args: InitArgs) -> Result<(), Error> {
    let written = scaffold::init(&args.dir, args.bare, args.force)?;
    for kept in &written.kept {
        eprintln!("  kept (exists): {}", kept.display());
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let (made, kept) = (written.files.len(), written.kept.len());
    let what = if kept == 0 {
        format!(
            "Created a playbook in {} ({made} file{})",
            args.dir.display(),
            plural(made)
        )
    } else {
        format!(
            "Added {made} missing file{} to {}; kept the {kept} already there",
            plural(made),
            args.dir.display()
        )
    };
    eprintln!("{what}. Next:\n  cd {}\n  gen serve", args.dir.display());
    Ok(())
}

pub fn new_role(
    root: &Path,
    title: &str,
    from: Option<(&str, bool)>,
    archetype: &str,
    slug: Option<&str>,
) -> Result<(), Error> {
    let path = match from {
        Some((from, extend_and_own)) => {
            scaffold::new_derived_role(root, title, from, slug, extend_and_own)?
        }
        None => scaffold::new_role(root, title, Some(archetype), slug)?,
    };
    eprintln!(
        "Wrote {}: answer the questions in it, then `gen check`.",
        root.join(path).display()
    );
    Ok(())
}

pub fn new_page(root: &Path, title: &str, slug: Option<&str>) -> Result<(), Error> {
    let path = scaffold::new_page(root, title, slug)?;
    eprintln!("Wrote {}.", root.join(path).display());
    Ok(())
}

pub fn schema(args: SchemaArgs) -> Result<(), Error> {
    let text = scaffold::schema(&args.root)?;
    match args.output {
        Some(path) => std::fs::write(&path, text).map_err(Error::writing(&path)),
        None => {
            print!("{text}");
            Ok(())
        }
    }
}
