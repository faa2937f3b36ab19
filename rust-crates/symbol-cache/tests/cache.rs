//! The persistent cache: reuse, invalidation, corruption and concurrent builders.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use circuitsynth_symbol_cache::cache::{self, cache_file};
use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};

/// A folder removed when the test ends.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "circuitsynth-symcache-{tag}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create a temporary folder");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn vector(name: &str) -> Vec<u8> {
    fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../conformance/symbols")
            .join(format!("{name}.kicad_sym")),
    )
    .expect("read a vector library")
}

/// A library file and a cache root in one temporary folder.
struct Setup {
    dir: TempDir,
    library: PathBuf,
    cache: PathBuf,
}

impl Setup {
    fn new(tag: &str, content: &[u8]) -> Setup {
        let dir = TempDir::new(tag);
        let library = dir.0.join("lib.kicad_sym");
        fs::write(&library, content).expect("write the library");
        let cache = dir.0.join("cache");
        Setup {
            dir,
            library,
            cache,
        }
    }

    fn open(&self) -> SymbolIndex {
        SymbolIndex::open(
            &[LibrarySource::file("lib", &self.library)],
            Some(&self.cache),
        )
    }

    fn cache_file(&self) -> PathBuf {
        cache_file(&self.cache, &self.library.display().to_string())
    }

    fn set_mtime(&self, time: SystemTime) {
        fs::File::options()
            .write(true)
            .open(&self.library)
            .and_then(|f| f.set_modified(time))
            .expect("set the library's mtime");
    }

    fn mtime(&self) -> SystemTime {
        fs::metadata(&self.library)
            .and_then(|m| m.modified())
            .expect("the library's mtime")
    }
}

fn nanos(time: SystemTime) -> i64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .expect("after the epoch")
        .as_nanos() as i64
}

fn dump(index: &SymbolIndex) -> String {
    index.dump_library("lib").unwrap_or_default()
}

fn reference_dump(name: &str) -> String {
    let index = SymbolIndex::open(&[LibrarySource::memory("lib", "lib", vector(name))], None);
    dump(&index)
}

#[test]
fn first_open_writes_the_cache_and_the_second_uses_it() {
    let setup = Setup::new("reuse", &vector("derived"));
    let first = setup.open();
    assert!(first.warnings().is_empty(), "{:?}", first.warnings());
    assert_eq!(dump(&first), reference_dump("derived"));
    let file = fs::read(setup.cache_file()).expect("the cache file was written");
    let parsed = cache::parse(&file).expect("a valid cache file");
    assert_eq!(parsed.stamp.path, setup.library.display().to_string());
    assert_eq!(parsed.offsets.len(), 3);
    assert_eq!(parsed.derived, 2);

    // Same size and mtime, other bytes: only a cache hit can still answer the old symbols,
    // which proves the second open did not read the library.
    let mtime = setup.mtime();
    let mut garbage = vector("derived");
    garbage.iter_mut().for_each(|b| *b = b' ');
    fs::write(&setup.library, &garbage).expect("overwrite");
    setup.set_mtime(mtime);
    let second = setup.open();
    assert!(second.warnings().is_empty(), "{:?}", second.warnings());
    assert_eq!(dump(&second), reference_dump("derived"));
}

#[test]
fn touching_keeps_the_records_and_rewrites_the_stamp() {
    let setup = Setup::new("touch", &vector("multi_unit"));
    setup.open();
    let touched = setup.mtime() + Duration::from_secs(60);
    setup.set_mtime(touched);
    let index = setup.open();
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert_eq!(dump(&index), reference_dump("multi_unit"));
    let parsed = cache::parse(&fs::read(setup.cache_file()).expect("cache")).expect("valid");
    assert_eq!(parsed.stamp.mtime, nanos(touched));
}

#[test]
fn editing_rebuilds() {
    let setup = Setup::new("edit", &vector("multi_unit"));
    setup.open();
    fs::write(&setup.library, vector("alternates")).expect("edit");
    let index = setup.open();
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert_eq!(dump(&index), reference_dump("alternates"));
}

#[test]
fn an_edit_of_the_same_size_is_found_by_the_content_hash() {
    let original = vector("k9_basic");
    let setup = Setup::new("samesize", &original);
    setup.open();
    let text = String::from_utf8(original).expect("UTF-8");
    let edited = text.replace("\"Resistor\"", "\"Resistar\"");
    assert_eq!(edited.len(), text.len());
    fs::write(&setup.library, &edited).expect("edit");
    setup.set_mtime(setup.mtime() + Duration::from_secs(5));
    let index = setup.open();
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert!(dump(&index).contains("\"Resistar\""));
}

#[test]
fn replacing_the_file_rebuilds() {
    let setup = Setup::new("replace", &vector("power"));
    setup.open();
    let other = setup.dir.0.join("other.kicad_sym");
    fs::write(&other, vector("demorgan")).expect("write");
    fs::rename(&other, &setup.library).expect("replace");
    let index = setup.open();
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert_eq!(dump(&index), reference_dump("demorgan"));
}

fn corrupt_and_reopen(tag: &str, corrupt: impl FnOnce(&mut Vec<u8>), reason: &str) {
    let setup = Setup::new(tag, &vector("derived"));
    setup.open();
    let path = setup.cache_file();
    let mut bytes = fs::read(&path).expect("cache");
    corrupt(&mut bytes);
    fs::write(&path, &bytes).expect("corrupt the cache");
    let index = setup.open();
    assert_eq!(
        index.warnings(),
        [format!(
            "symbol cache {} is unusable ({reason}); rebuilding it",
            path.display()
        )]
    );
    assert_eq!(dump(&index), reference_dump("derived"));
    // The rebuilt file is whole again.
    cache::parse(&fs::read(&path).expect("cache")).expect("rebuilt cache is valid");
    assert!(setup.open().warnings().is_empty());
}

#[test]
fn a_flipped_payload_byte_is_caught_by_the_hash() {
    corrupt_and_reopen(
        "flip",
        |b| {
            let last = b.len() - 1;
            b[last] ^= 0x55;
        },
        "payload hash mismatch",
    );
}

#[test]
fn a_truncated_cache_is_rebuilt() {
    corrupt_and_reopen(
        "truncate",
        |b| b.truncate(b.len() / 2),
        "payload length mismatch",
    );
    corrupt_and_reopen("short", |b| b.truncate(10), "too short");
    corrupt_and_reopen("empty", Vec::clear, "too short");
}

#[test]
fn wrong_magic_and_version_are_rebuilt() {
    corrupt_and_reopen("magic", |b| b[0] = b'X', "wrong magic");
    corrupt_and_reopen("version", |b| b[8] = 2, "format version 2");
    corrupt_and_reopen("reserved", |b| b[12] = 1, "reserved field is not 0");
}

#[test]
fn a_record_that_does_not_decode_is_caught_even_with_a_matching_hash() {
    corrupt_and_reopen(
        "record",
        |b| {
            // The last byte is in the last record's graphics: make its kind unknown, then seal
            // the payload again so that only the structural check can notice.
            let at = b.len() - 17;
            b[at] = 7;
            cache::seal(b);
        },
        "symbol LM7805_Own: the record is malformed at byte 473",
    );
}

#[test]
fn an_offset_out_of_range_is_caught() {
    let setup = Setup::new("offset", &vector("k9_basic"));
    setup.open();
    let path = setup.cache_file();
    let mut bytes = fs::read(&path).expect("cache");
    let parsed = cache::parse(&bytes).expect("valid");
    // The table entry of the only symbol ends right where the records start.
    let offset_at = parsed.records_at - 8;
    bytes[offset_at..offset_at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    cache::seal(&mut bytes);
    fs::write(&path, &bytes).expect("write");
    let index = setup.open();
    assert_eq!(
        index.warnings(),
        [format!(
            "symbol cache {} is unusable (symbol R: record offset out of range); rebuilding it",
            path.display()
        )]
    );
    assert_eq!(dump(&index), reference_dump("k9_basic"));
}

#[test]
fn a_cache_file_of_another_library_is_not_used() {
    let a = Setup::new("other-a", &vector("power"));
    a.open();
    let b_library = a.dir.0.join("b.kicad_sym");
    fs::write(&b_library, vector("power")).expect("write");
    let b_cache = cache_file(&a.cache, &b_library.display().to_string());
    fs::copy(a.cache_file(), &b_cache).expect("copy");
    let index = SymbolIndex::open(&[LibrarySource::file("lib", &b_library)], Some(&a.cache));
    assert_eq!(
        index.warnings(),
        [format!(
            "symbol cache {} is unusable (written for {}); rebuilding it",
            b_cache.display(),
            a.library.display()
        )]
    );
    assert_eq!(dump(&index), reference_dump("power"));
}

#[test]
fn a_skipped_library_leaves_no_cache_file() {
    let setup = Setup::new("skipped", &vector("bad_type"));
    let index = setup.open();
    assert_eq!(index.warnings().len(), 1);
    assert!(index.warnings()[0].starts_with("skipping library lib ("));
    assert!(!setup.cache_file().exists());
}

#[test]
fn concurrent_builders_in_threads_agree() {
    let setup = Setup::new("threads", &vector("extends_chain"));
    let dumps: Vec<(String, Vec<String>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..6)
            .map(|_| {
                s.spawn(|| {
                    let index = setup.open();
                    (dump(&index), index.warnings().to_vec())
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("no panic"))
            .collect()
    });
    for (dump, warnings) in dumps {
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(dump, reference_dump("extends_chain"));
    }
    cache::parse(&fs::read(setup.cache_file()).expect("cache")).expect("valid");
    let leftovers: Vec<_> = fs::read_dir(setup.cache_file().parent().expect("folder"))
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

const CHILD_LIBRARY: &str = "CIRCUITSYNTH_TEST_CHILD_LIBRARY";
const CHILD_CACHE: &str = "CIRCUITSYNTH_TEST_CHILD_CACHE";

/// Not a test of its own: the body of the child processes of
/// `concurrent_builders_in_processes_agree`, which run this test binary again.
#[test]
fn child_process_opens_the_index() {
    let (Ok(library), Ok(cache)) = (std::env::var(CHILD_LIBRARY), std::env::var(CHILD_CACHE))
    else {
        return;
    };
    for _ in 0..20 {
        let index = SymbolIndex::open(
            &[LibrarySource::file("lib", &library)],
            Some(Path::new(&cache)),
        );
        assert!(index.warnings().is_empty(), "{:?}", index.warnings());
        assert_eq!(dump(&index), reference_dump("multi_unit"));
        // Start cold again now and then so that both processes keep writing.
        let _ = fs::remove_file(cache_file(Path::new(&cache), &library));
    }
}

#[test]
fn concurrent_builders_in_processes_agree() {
    let setup = Setup::new("processes", &vector("multi_unit"));
    let exe = std::env::current_exe().expect("the test binary");
    let children: Vec<_> = (0..2)
        .map(|_| {
            std::process::Command::new(&exe)
                .args([
                    "--exact",
                    "child_process_opens_the_index",
                    "--test-threads=1",
                ])
                .env(CHILD_LIBRARY, setup.library.display().to_string())
                .env(CHILD_CACHE, setup.cache.display().to_string())
                .output_spawned()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().expect("the child ran");
        assert!(
            output.status.success(),
            "child failed:\n{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("1 passed"));
    }
    let index = setup.open();
    assert!(index.warnings().is_empty(), "{:?}", index.warnings());
    assert_eq!(dump(&index), reference_dump("multi_unit"));
}

trait SpawnPiped {
    fn output_spawned(&mut self) -> std::process::Child;
}

impl SpawnPiped for std::process::Command {
    fn output_spawned(&mut self) -> std::process::Child {
        self.stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn the test binary")
    }
}
