//! `gen init`, `gen new` and `gen schema`: writing sites, briefs and the schema.

use std::path::Path;

use rolebook::Error;
use rolebook::authoring::scaffold;

use super::{InitArgs, SchemaArgs};

pub fn init(args: InitArgs) -> Result<(), Error> {
    let written = scaffold::init(&args.dir, args.bare, args.force)?;
    eprintln!(
        "Created a playbook in {} ({} files). Next:\n  cd {}\n  gen serve",
        args.dir.display(),
        written.files.len(),
        args.dir.display()
    );
    Ok(())
}

pub fn new_role(
    root: &Path,
    title: &str,
    from: Option<&str>,
    archetype: &str,
    slug: Option<&str>,
) -> Result<(), Error> {
    let path = match from {
        Some(from) => scaffold::new_derived_role(root, title, from, slug)?,
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
