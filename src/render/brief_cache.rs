//! Values made from one brief (its `roles.json` entry, its card), kept between the renders
//! of `gen serve` while the brief is the same shared value, so a rebuild makes them only
//! for the briefs it reloaded. What a value shows besides the brief comes from `site.yaml`,
//! and a `site.yaml` edit starts a new build with new caches.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use crate::content::role::Role;

/// By slug: the brief a value was made from, and the value.
pub struct BriefCache<T>(RwLock<HashMap<String, (Arc<Role>, T)>>);

impl<T> Default for BriefCache<T> {
    fn default() -> Self {
        BriefCache(RwLock::new(HashMap::new()))
    }
}

impl<T: Clone> BriefCache<T> {
    /// The value kept for `role`, or the one `make` makes (then kept).
    pub fn entry(&self, role: &Arc<Role>, make: impl FnOnce() -> T) -> T {
        let kept = self
            .0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .get(&role.slug)
            .and_then(|(brief, value)| Arc::ptr_eq(brief, role).then(|| value.clone()));
        kept.unwrap_or_else(|| {
            let value = make();
            // A panic while holding the lock leaves at worst a missing entry.
            self.0
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .insert(role.slug.clone(), (role.clone(), value.clone()));
            value
        })
    }

    /// Forget the values of briefs that are gone.
    pub fn keep_only(&self, roles: &[Arc<Role>]) {
        let mut cache = self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if cache.len() > roles.len() {
            let slugs: std::collections::HashSet<&str> =
                roles.iter().map(|r| r.slug.as_str()).collect();
            cache.retain(|slug, _| slugs.contains(slug.as_str()));
        }
    }
}

/// What a kept build keeps per brief.
#[derive(Default)]
pub struct BriefCaches {
    /// Each brief's entry of `roles.json`.
    pub json: BriefCache<Arc<str>>,
    /// Each brief's card, as the home and taxonomy pages list it.
    pub cards: BriefCache<tera::Value>,
    /// Each brief's entry of the search index, as JSON.
    pub search: BriefCache<Arc<str>>,
}

impl BriefCaches {
    /// Forget the values of briefs that are gone.
    pub fn keep_only(&self, roles: &[Arc<Role>]) {
        self.json.keep_only(roles);
        self.cards.keep_only(roles);
        self.search.keep_only(roles);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::testing::{brief, content};

    #[test]
    fn a_value_is_kept_while_the_brief_is_the_same_value() {
        let before = content(&[("roles/lead.md", brief("Lead", "manager", &[]))]);
        let cache: BriefCache<String> = BriefCache::default();
        let lead = &before.roles[0];
        assert_eq!(cache.entry(lead, || "first".into()), "first");
        assert_eq!(cache.entry(lead, || "second".into()), "first");
        // Reloaded (a new value, even with the same text): made again.
        let after = content(&[("roles/lead.md", brief("Lead", "manager", &[]))]);
        assert_eq!(cache.entry(&after.roles[0], || "third".into()), "third");
        cache.keep_only(&[]);
        assert_eq!(cache.entry(&after.roles[0], || "fourth".into()), "fourth");
    }
}
