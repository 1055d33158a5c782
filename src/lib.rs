//! rolebook: role-brief playbooks to a static site.
//!
//! The layers, each importing only the ones above it in this list (`tests/layers.rs` keeps
//! them so): the ground (errors, diagnostics, YAML, slugs, output, the render watchdog);
//! `config` (`site.yaml`); `content` (briefs and guides, loaded and checked); `markdown`
//! (bodies: facts, HTML, highlighting); `playbook` (the domain's pure rules: lints, hiring
//! graph, staffing, matrix); `render` (views and templates); `engine` (a site loaded, built
//! in named stages, rebuilt after edits); then `serve` and `authoring` at the edge. The
//! `gen` binary's `cmd/` turns arguments into calls of `engine`, `serve` and `authoring`.

// Ground.
pub mod diagnostic;
pub mod error;
pub mod memory;
pub mod output;
pub mod slug;
pub mod watchdog;
mod yaml;

// The pipeline, in order.
pub mod config;
pub mod content;
pub mod engine;
pub mod markdown;
pub mod playbook;
pub mod render;

// The edge.
pub mod authoring;
#[doc(hidden)]
pub mod fuzzing;
pub mod serve;

pub use engine::site::{BuildReport, LoadOptions, Site};
pub use error::Error;
