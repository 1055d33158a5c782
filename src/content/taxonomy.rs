//! The three taxonomies (archetypes, capabilities, tags) and where their pages live: the
//! renderer writes a page at each address, and links name a term of site.yaml's vocabulary
//! by key (`@/capabilities/security-compliance`) through the same addresses.

/// The three taxonomies: archetypes, capabilities and tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Taxonomy {
    Archetypes,
    Capabilities,
    Tags,
}

impl Taxonomy {
    pub const ALL: [Taxonomy; 3] = [Taxonomy::Archetypes, Taxonomy::Capabilities, Taxonomy::Tags];

    pub fn path(self) -> &'static str {
        match self {
            Taxonomy::Archetypes => "archetypes/",
            Taxonomy::Capabilities => "capabilities/",
            Taxonomy::Tags => "tags/",
        }
    }

    /// The folder of a term's page below the site root.
    pub fn term_path(self, key: &str) -> String {
        format!("{}{key}/", self.path())
    }

    pub fn title(self) -> &'static str {
        match self {
            Taxonomy::Archetypes => "Archetypes",
            Taxonomy::Capabilities => "Capabilities",
            Taxonomy::Tags => "Tags",
        }
    }

    /// What one term is called in a sentence: "archetype", "capability", "tag".
    pub fn noun(self) -> &'static str {
        match self {
            Taxonomy::Archetypes => "archetype",
            Taxonomy::Capabilities => "capability",
            Taxonomy::Tags => "tag",
        }
    }
}
