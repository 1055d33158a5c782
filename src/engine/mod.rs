//! The engine: a site loaded from disk (`site`), built in named stages (`build`), the
//! pages an edit touches (`plan`), and a build that survives bad edits (`session`).

pub mod build;
pub mod export;
mod journal;
mod kept_findings;
pub mod languages;
mod link_findings;
pub mod plan;
pub mod plan_listings;
pub mod playbook_docx;
pub mod session;
pub mod site;
pub mod site_links;
pub mod staffing_file;
