//! A value with where its YAML wrote it, held small. serde-saphyr's `Spanned` keeps two
//! 28-byte locations (line, column, a character span and a source id) beside each value; gen
//! reads only a line and a column of each. A brief holds some fifty such values, so at
//! 100,000 briefs the difference is about 200 MB.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A line and a column, 1-based; 0 for a value gen made rather than read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Location {
    line: u32,
    column: u32,
}

impl Location {
    /// Where a value that was never written is: nowhere (a file's start in messages).
    pub const UNKNOWN: Location = Location { line: 0, column: 0 };

    pub fn line(&self) -> u32 {
        self.line
    }

    pub fn column(&self) -> u32 {
        self.column
    }
}

impl From<&serde_saphyr::Location> for Location {
    fn from(location: &serde_saphyr::Location) -> Self {
        let narrow = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
        Location {
            line: narrow(location.line()),
            column: narrow(location.column()),
        }
    }
}

/// `value`, with where it was referenced (an alias's use) and where it was defined.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub referenced: Location,
    pub defined: Location,
}

impl<T> Spanned<T> {
    pub const fn new(value: T, referenced: Location, defined: Location) -> Self {
        Spanned {
            value,
            referenced,
            defined,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // serde-saphyr knows its own wrapper by name and fills in the locations.
        let read = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Spanned {
            value: read.value,
            referenced: Location::from(&read.referenced),
            defined: Location::from(&read.defined),
        })
    }
}

/// Only the value, as serde-saphyr's does.
impl<T: Serialize> Serialize for Spanned<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Front {
        title: Spanned<String>,
        tags: Vec<Spanned<String>>,
        #[serde(default)]
        level: Option<Spanned<String>>,
    }

    #[test]
    fn values_keep_the_line_and_column_they_were_written_at() {
        let yaml = "title: Head of AI\ntags:\n  - claims\n  - &fraud fraud\nlevel: *fraud\n";
        let front: Front = serde_saphyr::from_str(yaml).expect("front matter");
        assert_eq!(front.title.value, "Head of AI");
        assert_eq!(
            (
                front.title.referenced.line(),
                front.title.referenced.column()
            ),
            (1, 8)
        );
        assert_eq!(front.tags[1].value, "fraud");
        assert_eq!(front.tags[1].referenced.line(), 4);
        // An alias: used on line 5, defined on line 4.
        let level = front.level.expect("level");
        assert_eq!((level.referenced.line(), level.defined.line()), (5, 4));
    }

    #[test]
    fn a_spanned_value_is_its_value_and_two_small_locations() {
        assert_eq!(
            std::mem::size_of::<Spanned<String>>(),
            std::mem::size_of::<String>() + 16
        );
        assert!(
            std::mem::size_of::<Spanned<String>>()
                < std::mem::size_of::<serde_saphyr::Spanned<String>>()
        );
    }
}
