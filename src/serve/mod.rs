//! Live preview in three parts: `watch` turns file events into a change set, `plan` turns a
//! change set into the pages to render again, and `server` serves the site and tells
//! browsers to reload.

pub mod plan;
