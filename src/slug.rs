//! Slugs: the URL-safe names of briefs, capabilities, archetypes and tags.

/// The longest slug an address may hold, in bytes: each slug is a folder name, and file
/// systems refuse names past 255 bytes (a tag's slug keeps its letters, several bytes each).
pub const MAX_SLUG_BYTES: usize = 100;

/// Lowercase ASCII letters, digits and single hyphens, not at either end.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// A slug made from any text: "Prompt & Eval Engineer" becomes `prompt-eval-engineer`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c.is_whitespace() || c == '-' || c == '_' || c == '/' || c == '.' {
            pending_hyphen = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_slugs() {
        for ok in ["caio", "head-of-ai", "ml2", "a-b-c"] {
            assert!(is_valid_slug(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "Head", "a b", "a/b", "..", "é"] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn slugify_drops_punctuation() {
        assert_eq!(slugify("Prompt & Eval Engineer"), "prompt-eval-engineer");
        assert_eq!(slugify("AI/ML Platform Lead"), "ai-ml-platform-lead");
        assert_eq!(slugify("  How it fits?  "), "how-it-fits");
        assert_eq!(slugify("The first 90 days"), "the-first-90-days");
        assert_eq!(slugify("Über uns"), "über-uns");
    }
}
