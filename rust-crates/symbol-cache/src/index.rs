//! Every library at once: nickname → symbols, lookups by `LIB:NAME`, search and suggestions.
//!
//! Each library is one byte blob of records (derived symbols shortened, see [`Library`]) plus
//! each record's place and a name-sorted permutation; a lookup is a hash of the nickname and a
//! binary search, and decoding happens only for the symbol asked for. The search table is built
//! on the first search, so opening stays cheap.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::UNIX_EPOCH;

use rayon::prelude::*;
use xxhash_rust::xxh64::xxh64;

use crate::cache::{self, Stamp};
use crate::dump;
use crate::model::Symbol;
use crate::read;
use crate::record;
use crate::resolve;
use crate::search::{self, SearchHit, SearchTable};

/// Where a library's bytes come from.
#[derive(Debug, Clone)]
pub enum Origin {
    /// A `.kicad_sym` file; the persistent cache applies.
    File(PathBuf),
    /// Bytes in memory (e.g. the library inside the jar); `label` stands for the path in
    /// warnings. Never cached.
    Memory { label: String, bytes: Arc<[u8]> },
}

/// One library to index.
#[derive(Debug, Clone)]
pub struct LibrarySource {
    pub nickname: String,
    pub origin: Origin,
}

impl LibrarySource {
    /// A library file.
    pub fn file(nickname: impl Into<String>, path: impl Into<PathBuf>) -> Self {
        LibrarySource {
            nickname: nickname.into(),
            origin: Origin::File(path.into()),
        }
    }

    /// A library in memory, shown as `label` in warnings.
    pub fn memory(
        nickname: impl Into<String>,
        label: impl Into<String>,
        bytes: impl Into<Arc<[u8]>>,
    ) -> Self {
        LibrarySource {
            nickname: nickname.into(),
            origin: Origin::Memory {
                label: label.into(),
                bytes: bytes.into(),
            },
        }
    }

    fn label(&self) -> String {
        match &self.origin {
            Origin::File(path) => path.display().to_string(),
            Origin::Memory { label, .. } => label.clone(),
        }
    }
}

/// Where one symbol's record lives in its library's blob.
#[derive(Debug, Clone, Copy)]
struct Entry {
    start: u32,
    len: u32,
    /// For a derived symbol stored without the body it shares with its parent: the parent's
    /// entry. `NO_PARENT` otherwise.
    parent: u32,
    /// Sections of a whole record (relative to `start`); for a shortened derived record,
    /// `units_at` is where its properties start in the blob.
    units_at: u32,
    properties_at: u32,
    pins_at: u32,
}

const NO_PARENT: u32 = u32::MAX;

/// One loaded library.
///
/// Records are kept whole, except that a derived symbol whose unit names, pins and drawing are
/// byte for byte its (underived) parent's keeps only its own head and properties: in KiCad's
/// libraries that halves the derived symbols' share of memory. Lookups put the record together
/// again.
#[derive(Debug)]
pub(crate) struct Library {
    pub(crate) nickname: String,
    blob: Vec<u8>,
    /// In file order.
    entries: Vec<Entry>,
    /// Indexes into `entries`, sorted by symbol name bytes.
    by_name: Vec<u32>,
    derived: u32,
}

impl Library {
    /// A library from whole records laid out in `records` (`layouts[i]` of the record at
    /// `offsets[i]`), all already checked.
    fn compact(
        nickname: String,
        records: &[u8],
        offsets: &[u32],
        layouts: &[record::Layout],
        derived: u32,
    ) -> Self {
        let whole = |i: usize| {
            let start = offsets[i] as usize;
            &records[start..start + layouts[i].len]
        };
        let mut by_name: Vec<u32> = (0..offsets.len() as u32).collect();
        by_name.sort_unstable_by(|&a, &b| {
            record::name_bytes(whole(a as usize)).cmp(record::name_bytes(whole(b as usize)))
        });
        let find = |name: &[u8]| {
            by_name
                .binary_search_by(|&i| record::name_bytes(whole(i as usize)).cmp(name))
                .ok()
                .map(|k| by_name[k] as usize)
        };
        let mut parents = vec![NO_PARENT; offsets.len()];
        let mut size = 0;
        for (i, layout) in layouts.iter().enumerate() {
            let bytes = whole(i);
            let shared_parent = record::header(bytes)
                .ok()
                .filter(|h| h.derived)
                .and_then(|_| record::extends_bytes(bytes))
                .and_then(find)
                .filter(|&p| {
                    let pl = &layouts[p];
                    let parent = whole(p);
                    !record::header(parent).is_ok_and(|h| h.derived)
                        && parent[pl.units_at..pl.properties_at]
                            == bytes[layout.units_at..layout.properties_at]
                        && parent[pl.pins_at..] == bytes[layout.pins_at..]
                });
            match shared_parent {
                Some(p) => {
                    parents[i] = p as u32;
                    size += layout.units_at + (layout.pins_at - layout.properties_at);
                }
                None => size += layout.len,
            }
        }
        let mut blob = Vec::with_capacity(size);
        let mut entries = Vec::with_capacity(offsets.len());
        for (i, layout) in layouts.iter().enumerate() {
            let bytes = whole(i);
            let start = blob.len() as u32;
            if parents[i] == NO_PARENT {
                blob.extend_from_slice(bytes);
                entries.push(Entry {
                    start,
                    len: bytes.len() as u32,
                    parent: NO_PARENT,
                    units_at: layout.units_at as u32,
                    properties_at: layout.properties_at as u32,
                    pins_at: layout.pins_at as u32,
                });
            } else {
                blob.extend_from_slice(&bytes[..layout.units_at]);
                blob.extend_from_slice(&bytes[layout.properties_at..layout.pins_at]);
                entries.push(Entry {
                    start,
                    len: blob.len() as u32 - start,
                    parent: parents[i],
                    units_at: layout.units_at as u32,
                    properties_at: 0,
                    pins_at: 0,
                });
            }
        }
        Library {
            nickname,
            blob,
            entries,
            by_name,
            derived,
        }
    }

    fn stored(&self, e: &Entry) -> &[u8] {
        &self.blob[e.start as usize..(e.start + e.len) as usize]
    }

    /// Record `i` (in file order).
    pub(crate) fn record(&self, i: usize) -> Cow<'_, [u8]> {
        let e = &self.entries[i];
        let own = self.stored(e);
        if e.parent == NO_PARENT {
            return Cow::Borrowed(own);
        }
        let p = &self.entries[e.parent as usize];
        let parent = self.stored(p);
        let units = &parent[p.units_at as usize..p.properties_at as usize];
        let body = &parent[p.pins_at as usize..];
        let (head, properties) = own.split_at(e.units_at as usize);
        let mut out = Vec::with_capacity(own.len() + units.len() + body.len());
        out.extend_from_slice(head);
        out.extend_from_slice(units);
        out.extend_from_slice(properties);
        out.extend_from_slice(body);
        Cow::Owned(out)
    }

    pub(crate) fn name(&self, i: usize) -> &[u8] {
        record::name_bytes(self.stored(&self.entries[i]))
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    fn find(&self, name: &[u8]) -> Option<usize> {
        self.by_name
            .binary_search_by(|&i| self.name(i as usize).cmp(name))
            .ok()
            .map(|k| self.by_name[k] as usize)
    }

    fn resident_bytes(&self) -> usize {
        self.blob.capacity()
            + self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.by_name.capacity() * 4
    }
}

/// All libraries, ready for lookups and search. `Sync`: share it between threads freely.
#[derive(Debug)]
pub struct SymbolIndex {
    libraries: Vec<Library>,
    /// Per loaded library, its file as an absolute path; `None` for a library held in memory.
    files: Vec<Option<PathBuf>>,
    by_nickname: HashMap<String, usize>,
    warnings: Vec<String>,
    search: OnceLock<SearchTable>,
}

/// Counts for diagnostics and the JNI `symbolIndexStats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub libraries: usize,
    pub symbols: usize,
    pub derived: usize,
    /// Heap bytes held by the index (records, tables, the search table once built).
    pub resident_bytes: usize,
}

/// A symbol found by [`SymbolIndex::lookup`]: its record, decoded on demand.
#[derive(Debug, Clone)]
pub struct SymbolRef<'i> {
    pub library: &'i str,
    /// The binary symbol record of the specification.
    pub record: Cow<'i, [u8]>,
}

impl SymbolRef<'_> {
    /// The resolved symbol.
    ///
    /// # Panics
    /// Never for records the index made or checked when it opened.
    pub fn decode(&self) -> Symbol<'_> {
        record::decode(&self.record).expect("index records were checked when the index opened")
    }

    /// The resolved symbol, owning its texts.
    pub fn to_symbol(&self) -> Symbol<'static> {
        self.decode().into_owned()
    }
}

/// What loading one library produced.
struct Loaded {
    library: Option<Library>,
    warnings: Vec<String>,
}

impl SymbolIndex {
    /// Reads every library (in parallel), through the persistent cache under `cache_root` when
    /// given (`CACHE` of the specification; files go to `CACHE/symbols/v1`).
    ///
    /// Never fails as a whole: a library that cannot be used is skipped with a warning, and
    /// warnings come in library order whatever order the threads finished in. When two sources
    /// share a nickname, the first wins.
    pub fn open(sources: &[LibrarySource], cache_root: Option<&Path>) -> SymbolIndex {
        let mut first_with: HashMap<&str, usize> = HashMap::new();
        let duplicate_of: Vec<Option<usize>> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| match first_with.get(s.nickname.as_str()) {
                Some(&first) => Some(first),
                None => {
                    first_with.insert(&s.nickname, i);
                    None
                }
            })
            .collect();
        let loaded: Vec<Loaded> = sources
            .par_iter()
            .enumerate()
            .map_init(
                Scratch::default,
                |scratch, (i, source)| match duplicate_of[i] {
                    Some(first) => Loaded {
                        library: None,
                        warnings: vec![format!(
                            "skipping library {} ({}): the nickname is already used by {}",
                            source.nickname,
                            source.label(),
                            sources[first].label()
                        )],
                    },
                    None => load(source, cache_root, scratch),
                },
            )
            .collect();
        let mut libraries = Vec::new();
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        for (outcome, source) in loaded.into_iter().zip(sources) {
            warnings.extend(outcome.warnings);
            if let Some(library) = outcome.library {
                libraries.push(library);
                files.push(match &source.origin {
                    Origin::File(path) => Some(PathBuf::from(absolute(path))),
                    Origin::Memory { .. } => None,
                });
            }
        }
        let by_nickname = libraries
            .iter()
            .enumerate()
            .map(|(i, l)| (l.nickname.clone(), i))
            .collect();
        SymbolIndex {
            libraries,
            files,
            by_nickname,
            warnings,
            search: OnceLock::new(),
        }
    }

    /// Warnings about skipped libraries and unusable cache files, in library order.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Nicknames of the loaded libraries, in the order given.
    pub fn nicknames(&self) -> impl Iterator<Item = &str> {
        self.libraries.iter().map(|l| l.nickname.as_str())
    }

    /// The file of the library served as `nickname`, as an absolute path (relative paths are
    /// taken from the current directory, like Java's `Path.toAbsolutePath`); `None` when no
    /// library serves that nickname or it is held in memory (a built-in library).
    pub fn library_file(&self, nickname: &str) -> Option<&Path> {
        self.files[*self.by_nickname.get(nickname)?].as_deref()
    }

    /// The symbol `name` of library `lib`.
    pub fn lookup(&self, lib: &str, name: &str) -> Option<SymbolRef<'_>> {
        let library = &self.libraries[*self.by_nickname.get(lib)?];
        let i = library.find(name.as_bytes())?;
        Some(SymbolRef {
            library: &library.nickname,
            record: library.record(i),
        })
    }

    /// The symbol `LIB:NAME` (split at the first `:`).
    pub fn lookup_id(&self, id: &str) -> Option<SymbolRef<'_>> {
        let (lib, name) = id.split_once(':')?;
        self.lookup(lib, name)
    }

    /// Every symbol of library `lib`, decoded, in file order.
    pub fn symbols(&self, lib: &str) -> Option<Vec<Symbol<'_>>> {
        let library = &self.libraries[*self.by_nickname.get(lib)?];
        Some(
            (0..library.len())
                .map(|i| {
                    let symbol = match library.record(i) {
                        Cow::Borrowed(bytes) => record::decode(bytes),
                        Cow::Owned(bytes) => record::decode(&bytes).map(Symbol::into_owned),
                    };
                    symbol.expect("index records were checked when the index opened")
                })
                .collect(),
        )
    }

    /// The specification's dump of library `lib`.
    pub fn dump_library(&self, lib: &str) -> Option<String> {
        let symbols = self.symbols(lib)?;
        Some(dump::dump_library(lib, &symbols))
    }

    /// Symbols matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit<'_>> {
        search::search(self.search_table(), &self.libraries, query, limit)
    }

    /// Up to five `LIB:NAME` close to the unknown symbol `LIB:NAME`.
    pub fn suggestions(&self, lib: &str, name: &str) -> Vec<String> {
        search::suggestions(self.search_table(), &self.libraries, lib, name)
    }

    fn search_table(&self) -> &SearchTable {
        self.search
            .get_or_init(|| SearchTable::build(&self.libraries))
    }

    /// Counts and the resident size.
    pub fn stats(&self) -> Stats {
        let search = self.search.get().map_or(0, SearchTable::resident_bytes);
        let nicknames: usize = self
            .libraries
            .iter()
            .map(|l| 2 * l.nickname.capacity() + 64)
            .sum();
        Stats {
            libraries: self.libraries.len(),
            symbols: self.libraries.iter().map(Library::len).sum(),
            derived: self.libraries.iter().map(|l| l.derived as usize).sum(),
            resident_bytes: self
                .libraries
                .iter()
                .map(Library::resident_bytes)
                .sum::<usize>()
                + nicknames
                + search,
        }
    }
}

/// Buffers one worker reuses across libraries: fresh multi-megabyte buffers per file cost page
/// faults, which serialize on the process's memory map and make two threads slower than one.
#[derive(Default)]
struct Scratch {
    bytes: Vec<u8>,
    nodes: Vec<u32>,
    /// A cache file: read here, checked, and only the compacted records copied out.
    cache: Vec<u8>,
}

fn load(source: &LibrarySource, cache_root: Option<&Path>, scratch: &mut Scratch) -> Loaded {
    let nickname = &source.nickname;
    let label = source.label();
    let skip = |message: String| Loaded {
        library: None,
        warnings: vec![format!("skipping library {nickname} ({label}): {message}")],
    };
    match &source.origin {
        Origin::Memory { bytes, .. } => match build(bytes, &mut scratch.nodes) {
            Ok(built) => Loaded {
                library: Some(built.into_library(nickname.clone())),
                warnings: Vec::new(),
            },
            Err(e) => skip(e.to_string()),
        },
        Origin::File(path) => {
            let meta = match fs::metadata(path) {
                Ok(meta) => meta,
                Err(e) => return skip(read_error(path, e)),
            };
            let size = meta.len();
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| match t.duration_since(UNIX_EPOCH) {
                    Ok(d) => i64::try_from(d.as_nanos()).ok(),
                    Err(e) => i64::try_from(e.duration().as_nanos()).ok().map(|n| -n),
                })
                .unwrap_or(0);
            let Some(root) = cache_root else {
                return match read_into(path, &mut scratch.bytes) {
                    Ok(()) => match build(&scratch.bytes, &mut scratch.nodes) {
                        Ok(built) => Loaded {
                            library: Some(built.into_library(nickname.clone())),
                            warnings: Vec::new(),
                        },
                        Err(e) => skip(e.to_string()),
                    },
                    Err(e) => skip(e),
                };
            };
            load_cached(source, path, size, mtime, root, scratch)
        }
    }
}

fn load_cached(
    source: &LibrarySource,
    path: &Path,
    size: u64,
    mtime: i64,
    root: &Path,
    scratch: &mut Scratch,
) -> Loaded {
    let nickname = &source.nickname;
    let label = source.label();
    let absolute = absolute(path);
    let cache_path = cache::cache_file(root, &absolute);
    let mut warnings = Vec::new();
    let mut library_read = false;
    if read_into(&cache_path, &mut scratch.cache).is_ok() {
        let file = &mut scratch.cache;
        match cache::parse(file) {
            Ok(parsed) if parsed.stamp.path != absolute => warnings.push(unusable(
                &cache_path,
                &format!("written for {}", parsed.stamp.path),
            )),
            Ok(parsed) if parsed.stamp.size == size => {
                let mut usable = parsed.stamp.mtime == mtime;
                if !usable {
                    // Touched: the content decides. Reading the library here also leaves its bytes
                    // in the scratch buffer for a rebuild when it did change.
                    if read_into(path, &mut scratch.bytes).is_ok() {
                        library_read = true;
                        if xxh64(&scratch.bytes, 0) == parsed.stamp.hash {
                            cache::restamp(file, &parsed, mtime);
                            if let Err(e) = circuitsynth_io::write_if_changed(&cache_path, file) {
                                warnings.push(write_warning(&cache_path, &e.to_string()));
                            }
                            usable = true;
                        }
                    }
                }
                if usable {
                    return Loaded {
                        library: Some(Library::compact(
                            nickname.clone(),
                            &file[parsed.records_at..],
                            &parsed.offsets,
                            &parsed.layouts,
                            parsed.derived,
                        )),
                        warnings,
                    };
                }
            }
            Ok(_) => {}
            Err(reason) => warnings.push(unusable(&cache_path, &reason.to_string())),
        }
    }
    if !library_read {
        if let Err(e) = read_into(path, &mut scratch.bytes) {
            warnings.push(format!("skipping library {nickname} ({label}): {e}"));
            return Loaded {
                library: None,
                warnings,
            };
        }
    }
    let built = match build(&scratch.bytes, &mut scratch.nodes) {
        Ok(built) => built,
        Err(e) => {
            warnings.push(format!("skipping library {nickname} ({label}): {e}"));
            return Loaded {
                library: None,
                warnings,
            };
        }
    };
    let stamp = Stamp {
        path: absolute,
        size: scratch.bytes.len() as u64,
        mtime,
        hash: xxh64(&scratch.bytes, 0),
    };
    let names: Vec<&str> = built
        .names
        .iter()
        .map(|&(s, e)| &built.name_text[s..e])
        .collect();
    let file = cache::build_file(&stamp, &names, &built.offsets, &built.records);
    drop(names);
    let written = fs::create_dir_all(cache::cache_folder(root))
        .map_err(|e| e.to_string())
        .and_then(|()| {
            circuitsynth_io::write_if_changed(&cache_path, &file).map_err(|e| e.to_string())
        });
    if let Err(e) = written {
        warnings.push(write_warning(&cache_path, &e));
    }
    drop(file);
    Loaded {
        library: Some(built.into_library(nickname.clone())),
        warnings,
    }
}

fn unusable(cache_path: &Path, reason: &str) -> String {
    format!(
        "symbol cache {} is unusable ({reason}); rebuilding it",
        cache_path.display()
    )
}

fn write_warning(cache_path: &Path, message: &str) -> String {
    format!(
        "symbol cache {} could not be written ({message}); the library is read from its file next time too",
        cache_path.display()
    )
}

/// The path made absolute against the working directory, without resolving links or `..`,
/// the way Java's `Path.toAbsolutePath` does.
fn absolute(path: &Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    match std::env::current_dir() {
        Ok(dir) => dir.join(path).display().to_string(),
        Err(_) => path.display().to_string(),
    }
}

fn read_error(path: &Path, error: std::io::Error) -> String {
    let reason = match error.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        kind => kind.to_string(),
    };
    format!("cannot read {}: {reason}", path.display())
}

fn read_into(path: &Path, buffer: &mut Vec<u8>) -> Result<(), String> {
    buffer.clear();
    if path.is_dir() {
        return Err(format!("cannot read {}: is a directory", path.display()));
    }
    fs::File::open(path)
        .and_then(|mut f| f.read_to_end(buffer))
        .map(|_| ())
        .map_err(|e| read_error(path, e))
}

/// A library's records laid end to end.
pub(crate) struct Built {
    pub(crate) records: Vec<u8>,
    pub(crate) offsets: Vec<u32>,
    /// Name ranges in `name_text`, in file order (the names must outlive the borrowed symbols).
    names: Vec<(usize, usize)>,
    name_text: String,
    pub(crate) derived: u32,
}

impl Built {
    fn into_library(self, nickname: String) -> Library {
        // The records were just encoded; locating their sections is cheap and uses the same
        // code path as a cache file, so both kinds of start give the same in-memory layout.
        let layouts: Vec<record::Layout> = self
            .offsets
            .iter()
            .map(|&o| {
                record::layout(&self.records[o as usize..])
                    .expect("records encoded by this crate are well formed")
            })
            .collect();
        Library::compact(
            nickname,
            &self.records,
            &self.offsets,
            &layouts,
            self.derived,
        )
    }
}

/// Reads, resolves and encodes one library.
pub(crate) fn build(bytes: &[u8], nodes: &mut Vec<u32>) -> Result<Built, read::LibraryError> {
    let symbols = read::read_library(bytes, nodes)?;
    let symbols = resolve::resolve(bytes, symbols)?;
    let mut records = Vec::with_capacity(bytes.len() / 4);
    let mut offsets = Vec::with_capacity(symbols.len());
    let mut names = Vec::with_capacity(symbols.len());
    let mut name_text = String::new();
    let mut derived = 0;
    for symbol in &symbols {
        offsets.push(
            u32::try_from(records.len()).map_err(|_| read::LibraryError {
                offset: 0,
                line: 1,
                column: 1,
                detail: "the library's symbols take more than 4 GB".to_string(),
            })?,
        );
        record::encode(symbol, &mut records);
        let start = name_text.len();
        name_text.push_str(&symbol.name);
        names.push((start, name_text.len()));
        derived += u32::from(symbol.is_derived());
    }
    records.shrink_to_fit();
    Ok(Built {
        records,
        offsets,
        names,
        name_text,
        derived,
    })
}

/// Reads and resolves one library from memory, for tools and tests that want symbols without
/// an index.
///
/// # Errors
/// The fault that would skip the library.
pub fn read_symbols(bytes: &[u8]) -> Result<Vec<Symbol<'static>>, read::LibraryError> {
    let mut nodes = Vec::new();
    let symbols = read::read_library(bytes, &mut nodes)?;
    let symbols = resolve::resolve(bytes, symbols)?;
    Ok(symbols.into_iter().map(Symbol::into_owned).collect())
}

// Java calls lookups from many threads at once.
const _: () = {
    const fn is_sync_and_send<T: Sync + Send>() {}
    is_sync_and_send::<SymbolIndex>();
};
