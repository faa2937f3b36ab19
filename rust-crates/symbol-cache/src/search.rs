//! Search and suggestions, scored exactly as the specification says.
//!
//! The table keeps, per symbol, ASCII-lower-cased copies of the name, keywords and description
//! in one text buffer, so a search is a scan over a few megabytes with no decoding.

use std::cmp::Ordering;

use memchr::memmem;

use crate::index::Library;
use crate::record;

/// One search result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit<'i> {
    pub library: &'i str,
    pub name: &'i str,
    pub score: u32,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    library: u32,
    symbol: u32,
    name: (u32, u32),
    description: (u32, u32),
    /// Range in `keywords`.
    keywords: (u32, u32),
}

/// The lower-cased search fields of every symbol.
#[derive(Debug)]
pub(crate) struct SearchTable {
    text: Vec<u8>,
    keywords: Vec<(u32, u32)>,
    entries: Vec<Entry>,
    /// Lower-cased nicknames, by library.
    libraries: Vec<Vec<u8>>,
}

fn lower(bytes: &[u8]) -> impl Iterator<Item = u8> + '_ {
    bytes.iter().map(u8::to_ascii_lowercase)
}

impl SearchTable {
    pub(crate) fn build(libraries: &[Library]) -> SearchTable {
        let mut table = SearchTable {
            text: Vec::new(),
            keywords: Vec::new(),
            entries: Vec::new(),
            libraries: libraries
                .iter()
                .map(|l| lower(l.nickname.as_bytes()).collect())
                .collect(),
        };
        for (li, library) in libraries.iter().enumerate() {
            for si in 0..library.len() {
                let bytes = library.record(si);
                let Ok(symbol) = record::decode(&bytes) else {
                    continue;
                };
                let name = table.push_text(symbol.name.as_bytes());
                let description = table.push_text(symbol.description().as_bytes());
                let first = table.keywords.len() as u32;
                for keyword in symbol.keywords() {
                    let range = table.push_text(keyword.as_bytes());
                    table.keywords.push(range);
                }
                table.entries.push(Entry {
                    library: li as u32,
                    symbol: si as u32,
                    name,
                    description,
                    keywords: (first, table.keywords.len() as u32),
                });
            }
        }
        table.text.shrink_to_fit();
        table.keywords.shrink_to_fit();
        table.entries.shrink_to_fit();
        table
    }

    fn push_text(&mut self, bytes: &[u8]) -> (u32, u32) {
        let start = self.text.len() as u32;
        self.text.extend(lower(bytes));
        (start, self.text.len() as u32)
    }

    fn slice(&self, (start, end): (u32, u32)) -> &[u8] {
        &self.text[start as usize..end as usize]
    }

    pub(crate) fn resident_bytes(&self) -> usize {
        self.text.capacity()
            + self.keywords.capacity() * 8
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.libraries.iter().map(Vec::capacity).sum::<usize>()
    }
}

struct Term {
    text: Vec<u8>,
    finder: memmem::Finder<'static>,
}

/// The best score of one term against one symbol; 0 when it does not match.
fn score(table: &SearchTable, entry: &Entry, term: &Term) -> u32 {
    let t = term.text.as_slice();
    let name = table.slice(entry.name);
    if name == t {
        return 1000;
    }
    if name.starts_with(t) {
        return 400;
    }
    if term.finder.find(name).is_some() {
        return 200;
    }
    let keywords = &table.keywords[entry.keywords.0 as usize..entry.keywords.1 as usize];
    let mut keyword_prefix = false;
    for &k in keywords {
        let k = table.slice(k);
        if k == t {
            return 120;
        }
        keyword_prefix |= k.starts_with(t);
    }
    if keyword_prefix {
        return 60;
    }
    if table.libraries[entry.library as usize] == t {
        return 50;
    }
    if term.finder.find(table.slice(entry.description)).is_some() {
        return 30;
    }
    if t.len() >= 3 && is_subsequence(t, name) {
        return 10;
    }
    0
}

fn is_subsequence(needle: &[u8], haystack: &[u8]) -> bool {
    let mut rest = haystack;
    for &b in needle {
        match memchr::memchr(b, rest) {
            Some(at) => rest = &rest[at + 1..],
            None => return false,
        }
    }
    true
}

/// `LIB:NAME` byte order without building the strings.
fn id_order(a_lib: &str, a_name: &[u8], b_lib: &str, b_name: &[u8]) -> Ordering {
    let a = a_lib.as_bytes().iter().chain(b":").chain(a_name);
    let b = b_lib.as_bytes().iter().chain(b":").chain(b_name);
    a.cmp(b)
}

pub(crate) fn search<'i>(
    table: &SearchTable,
    libraries: &'i [Library],
    query: &str,
    limit: usize,
) -> Vec<SearchHit<'i>> {
    let terms: Vec<Term> = query
        .split_ascii_whitespace()
        .map(|t| {
            let text: Vec<u8> = lower(t.as_bytes()).collect();
            let finder = memmem::Finder::new(&text).into_owned();
            Term { text, finder }
        })
        .collect();
    if terms.is_empty() || limit == 0 {
        return Vec::new();
    }
    let mut hits: Vec<(u32, u32)> = Vec::new();
    'entries: for (i, entry) in table.entries.iter().enumerate() {
        let mut total = 0;
        for term in &terms {
            let s = score(table, entry, term);
            if s == 0 {
                continue 'entries;
            }
            total += s;
        }
        hits.push((total, i as u32));
    }
    let name_of = |i: u32| {
        let e = &table.entries[i as usize];
        let library = &libraries[e.library as usize];
        (library.nickname.as_str(), library.name(e.symbol as usize))
    };
    let order = |a: &(u32, u32), b: &(u32, u32)| {
        b.0.cmp(&a.0).then_with(|| {
            let (al, an) = name_of(a.1);
            let (bl, bn) = name_of(b.1);
            id_order(al, an, bl, bn)
        })
    };
    if hits.len() > limit {
        hits.select_nth_unstable_by(limit - 1, order);
        hits.truncate(limit);
    }
    hits.sort_unstable_by(order);
    hits.into_iter()
        .map(|(score, i)| {
            let e = &table.entries[i as usize];
            let library = &libraries[e.library as usize];
            let name = std::str::from_utf8(library.name(e.symbol as usize)).unwrap_or("");
            SearchHit {
                library: &library.nickname,
                name,
                score,
            }
        })
        .collect()
}

/// Levenshtein distance, or `None` when it exceeds `bound`.
fn distance_within(a: &[u8], b: &[u8], bound: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > bound {
        return None;
    }
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        current[0] = i + 1;
        let mut row_min = current[0];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
            row_min = row_min.min(current[j + 1]);
        }
        if row_min > bound {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    Some(previous[b.len()]).filter(|&d| d <= bound)
}

pub(crate) fn suggestions(
    table: &SearchTable,
    libraries: &[Library],
    lib: &str,
    name: &str,
) -> Vec<String> {
    let wanted: Vec<u8> = lower(name.as_bytes()).collect();
    let bound = (name.len() / 3).max(2);
    // (exact name elsewhere first, distance, entry)
    let mut found: Vec<(bool, usize, u32)> = Vec::new();
    for (i, entry) in table.entries.iter().enumerate() {
        let library = &libraries[entry.library as usize];
        let candidate = library.name(entry.symbol as usize);
        let same_name = candidate == name.as_bytes();
        if same_name && library.nickname == lib {
            continue;
        }
        if same_name {
            found.push((false, 0, i as u32));
        } else if let Some(d) = distance_within(&wanted, table.slice(entry.name), bound) {
            found.push((true, d, i as u32));
        }
    }
    let id = |i: u32| {
        let e = &table.entries[i as usize];
        let library = &libraries[e.library as usize];
        (library.nickname.as_str(), library.name(e.symbol as usize))
    };
    found.sort_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
            let (al, an) = id(a.2);
            let (bl, bn) = id(b.2);
            id_order(al, an, bl, bn)
        })
    });
    found
        .into_iter()
        .take(5)
        .map(|(_, _, i)| {
            let (l, n) = id(i);
            format!("{l}:{}", String::from_utf8_lossy(n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_levenshtein() {
        assert_eq!(distance_within(b"lm385", b"lm358", 2), Some(2));
        assert_eq!(distance_within(b"kitten", b"sitting", 3), Some(3));
        assert_eq!(distance_within(b"kitten", b"sitting", 2), None);
        assert_eq!(distance_within(b"", b"ab", 2), Some(2));
        assert_eq!(distance_within(b"abc", b"abc", 0), Some(0));
    }

    #[test]
    fn subsequences() {
        assert!(is_subsequence(b"lmdgk", b"lm358_dgk"));
        assert!(!is_subsequence(b"kgd", b"lm358_dgk"));
    }

    #[test]
    fn ids_compare_as_joined_bytes() {
        // "A0:x" sorts before "A:x" because '0' < ':', whatever the tuple order says.
        assert_eq!(id_order("A0", b"x", "A", b"x"), Ordering::Less);
        assert_eq!(id_order("A", b"x", "A", b"y"), Ordering::Less);
    }
}
