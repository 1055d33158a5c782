//! Changes a render makes in place to the maps a build keeps, with what each replaced, so
//! that a render that fails can put every one back. A copy of each map made before the
//! render would do the same, but at 10,000 briefs copying the Markdown cache and the lint
//! findings, then freeing the copies, was a fifth of a body edit's rebuild.

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// A map whose entries can be read, set and put back.
pub trait Map<K, V> {
    /// What `key` holds.
    fn held(&self, key: &K) -> Option<&V>;
    /// Set `key` to `value`; what it held before.
    fn put(&mut self, key: K, value: V) -> Option<V>;
    /// Make `key` hold `old` again (`None`: hold nothing).
    fn restore(&mut self, key: K, old: Option<V>);
}

/// The same three methods on each kind of map: Rust's maps share no trait for them.
macro_rules! map_by_its_own_methods {
    ($map:ty, $($generics:tt)*) => {
        impl<$($generics)*> Map<K, V> for $map {
            fn held(&self, key: &K) -> Option<&V> {
                self.get(key)
            }

            fn put(&mut self, key: K, value: V) -> Option<V> {
                self.insert(key, value)
            }

            fn restore(&mut self, key: K, old: Option<V>) {
                match old {
                    Some(value) => self.insert(key, value),
                    None => self.remove(&key),
                };
            }
        }
    };
}

map_by_its_own_methods!(BTreeMap<K, V>, K: Ord, V);
map_by_its_own_methods!(HashMap<K, V, S>, K: Hash + Eq, V, S: std::hash::BuildHasher);

/// What one render replaced in one map, change by change: entries, or the whole map.
#[must_use = "a journal is how a failed render puts the map back"]
pub struct Journal<M, K, V> {
    changes: Vec<Change<M, K, V>>,
}

enum Change<M, K, V> {
    Entry(K, Option<V>),
    Whole(M),
}

impl<M, K, V> Default for Journal<M, K, V> {
    fn default() -> Self {
        Journal {
            changes: Vec::new(),
        }
    }
}

impl<M: Map<K, V>, K: Clone, V> Journal<M, K, V> {
    /// Set `key` to `value` in `map`, keeping what it held before.
    pub fn put(&mut self, map: &mut M, key: K, value: V) {
        let old = map.put(key.clone(), value);
        self.changes.push(Change::Entry(key, old));
    }

    /// Make `map` `fresh`, keeping the map it was.
    pub fn replace(&mut self, map: &mut M, fresh: M) {
        self.changes
            .push(Change::Whole(std::mem::replace(map, fresh)));
    }

    /// Put `map` back as it was before the first change the journal holds.
    pub fn undo(self, map: &mut M) {
        for change in self.changes.into_iter().rev() {
            match change {
                Change::Entry(key, old) => map.restore(key, old),
                Change::Whole(old) => *map = old,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Ordered = BTreeMap<String, u32>;

    fn map(entries: &[(&str, u32)]) -> Ordered {
        entries.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn undoing_entries_puts_back_what_they_replaced_and_removes_what_they_added() {
        let before = map(&[("a", 1), ("b", 2)]);
        let mut now = before.clone();
        let mut journal = Journal::default();
        journal.put(&mut now, "a".into(), 10);
        journal.put(&mut now, "c".into(), 3);
        // The same key twice: the first old value is the one that comes back.
        journal.put(&mut now, "a".into(), 100);
        assert_eq!(now, map(&[("a", 100), ("b", 2), ("c", 3)]));
        journal.undo(&mut now);
        assert_eq!(now, before);
    }

    #[test]
    fn undoing_a_whole_replacement_after_or_before_entries_gives_the_first_map() {
        let before = map(&[("a", 1)]);
        let mut now = before.clone();
        let mut journal = Journal::default();
        journal.put(&mut now, "b".into(), 2);
        journal.replace(&mut now, map(&[("z", 26)]));
        journal.put(&mut now, "y".into(), 25);
        journal.replace(&mut now, map(&[("x", 24)]));
        journal.undo(&mut now);
        assert_eq!(now, before);
    }

    #[test]
    fn a_hash_map_is_put_back_too() {
        let mut now: HashMap<&str, u32> = [("a", 1)].into_iter().collect();
        let mut journal = Journal::default();
        journal.put(&mut now, "a", 2);
        journal.put(&mut now, "b", 3);
        journal.undo(&mut now);
        assert_eq!(now, [("a", 1)].into_iter().collect());
    }

    #[test]
    fn an_unused_journal_changes_nothing() {
        let mut now = map(&[("a", 1)]);
        let journal: Journal<Ordered, String, u32> = Journal::default();
        journal.undo(&mut now);
        assert_eq!(now, map(&[("a", 1)]));
    }
}
