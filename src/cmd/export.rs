//! `gen export`: the playbook written for a wiki to import.

use rolebook::Error;
use rolebook::engine::export;
use rolebook::render::export::Target;

use super::{ExportArgs, ExportTarget};

pub fn run(args: ExportArgs) -> Result<(), Error> {
    let target = match args.target {
        ExportTarget::Confluence => Target::Confluence,
        ExportTarget::Techdocs => Target::Techdocs,
        ExportTarget::Docx => Target::Docx,
    };
    let dir = args.site.output(&Some(args.output.clone()));
    let files = export::write(&args.site.root, &args.site.load_options(), target, &dir)?;
    if !args.quiet {
        eprintln!(
            "Wrote the {} export ({files} files) into {}",
            export::target_name(target),
            dir.display()
        );
    }
    Ok(())
}
