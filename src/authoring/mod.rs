//! Writing sites and briefs: `gen init`, `gen new` (`scaffold`) and the front matter's
//! JSON Schema for editors (`schema`).

pub mod create;
pub mod scaffold;
pub mod schema;
