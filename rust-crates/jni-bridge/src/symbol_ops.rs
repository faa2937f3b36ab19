//! JNI entry points of the `symbol-cache` stage. The Java side declares, on
//! `io.circuitsynth.natives.NativeBridge`:
//!
//! ```java
//! static native long symbolIndexOpen(String[] nicknames, String[] paths, byte[][] inMemory, String cacheDir);
//! static native String[] symbolIndexWarnings(long handle);
//! static native byte[] symbolLookup(long handle, String lib, String name);
//! static native String[] symbolSuggestions(long handle, String lib, String name);
//! static native byte[] symbolSearch(long handle, String query, int limit);
//! static native long[] symbolIndexStats(long handle);
//! static native byte[] symbolDumpLibrary(long handle, String lib);
//! static native void symbolIndexClose(long handle);
//! ```
//!
//! The index lives on the Rust heap; Java holds it as an opaque `long` (a `Box` pointer) and
//! promises to close it exactly once and never to use it after closing (its wrapper class
//! serializes close against use). The index is `Sync`, so lookups from many Java threads at once
//! are fine. `0` is never a valid handle: using it throws, closing it does nothing.
//!
//! `symbolSearch` answers `u32 count`, then per hit `str lib, str name, u32 score`, little-endian
//! with `str` a `u32` byte length and UTF-8 bytes, like the symbol record.

use std::path::PathBuf;
use std::sync::Arc;

use circuitsynth_symbol_cache::{LibrarySource, SymbolIndex};
use jni::objects::{JByteArray, JClass, JObject, JObjectArray, JString};
use jni::sys::{jbyteArray, jint, jlong, jlongArray, jobjectArray};
use jni::JNIEnv;

use crate::{guard, handle_ref, into_handle, java_string, release_handle, JavaError};

fn string_arg(env: &mut JNIEnv, s: &JString, what: &str) -> Result<String, JavaError> {
    if s.is_null() {
        return Err(JavaError::null(what));
    }
    java_string(env, s)
}

/// The index behind a handle.
pub(crate) fn index<'h>(handle: jlong) -> Result<&'h SymbolIndex, JavaError> {
    // SAFETY: a handle here comes from `into_handle` in `symbolIndexOpen`, and the Java wrapper
    // does not pass it to `symbolIndexClose` while this call runs; `SymbolIndex` is `Sync`.
    unsafe { handle_ref(handle, "the symbol index is closed") }
}

fn string_array<'local>(
    env: &mut JNIEnv<'local>,
    items: &[String],
) -> Result<JObjectArray<'local>, JavaError> {
    let len = jint::try_from(items.len()).map_err(|_| {
        JavaError::illegal_argument("too many strings for a Java array".to_string())
    })?;
    let array = env.new_object_array(len, "java/lang/String", JObject::null())?;
    for (i, item) in items.iter().enumerate() {
        let s = env.new_string(item)?;
        env.set_object_array_element(&array, i as jint, &s)?;
        // Large warning lists would otherwise fill the local reference table.
        env.delete_local_ref(s)?;
    }
    Ok(array)
}

fn optional_string_elements(
    env: &mut JNIEnv,
    array: &JObjectArray,
    what: &str,
) -> Result<Vec<String>, JavaError> {
    if array.is_null() {
        return Err(JavaError::null(what));
    }
    let len = env.get_array_length(array)?;
    let mut out = Vec::with_capacity(len as usize);
    for i in 0..len {
        let element = env.get_object_array_element(array, i)?;
        let text = string_arg(env, &JString::from(element), &format!("{what}[{i}]"))?;
        out.push(text);
    }
    Ok(out)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolIndexOpen<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    nicknames: JObjectArray<'local>,
    paths: JObjectArray<'local>,
    in_memory: JObjectArray<'local>,
    cache_dir: JString<'local>,
) -> jlong {
    guard(&mut env, 0, |env| {
        let nicknames = optional_string_elements(env, &nicknames, "nicknames")?;
        let paths = optional_string_elements(env, &paths, "paths")?;
        if nicknames.len() != paths.len() {
            return Err(JavaError::illegal_argument(format!(
                "{} nicknames but {} paths",
                nicknames.len(),
                paths.len()
            )));
        }
        let mut memory: Vec<Option<Vec<u8>>> = vec![None; nicknames.len()];
        if !in_memory.is_null() {
            let len = env.get_array_length(&in_memory)? as usize;
            if len != nicknames.len() {
                return Err(JavaError::illegal_argument(format!(
                    "{} nicknames but {len} inMemory entries",
                    nicknames.len()
                )));
            }
            for (i, slot) in memory.iter_mut().enumerate() {
                let element = env.get_object_array_element(&in_memory, i as jint)?;
                if !element.is_null() {
                    let bytes = JByteArray::from(element);
                    *slot = Some(env.convert_byte_array(&bytes)?);
                    env.delete_local_ref(bytes)?;
                }
            }
        }
        let cache_root = if cache_dir.is_null() {
            None
        } else {
            Some(PathBuf::from(java_string(env, &cache_dir)?))
        };
        let sources: Vec<LibrarySource> = nicknames
            .into_iter()
            .zip(paths)
            .zip(memory)
            .map(|((nickname, path), bytes)| match bytes {
                Some(bytes) => LibrarySource::memory(nickname, path, Arc::<[u8]>::from(bytes)),
                None => LibrarySource::file(nickname, path),
            })
            .collect();
        let index = SymbolIndex::open(&sources, cache_root.as_deref());
        Ok(into_handle(index))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolIndexWarnings<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let index = index(handle)?;
        Ok(string_array(env, index.warnings())?.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolLookup<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    lib: JString<'local>,
    name: JString<'local>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let index = index(handle)?;
        let lib = string_arg(env, &lib, "lib")?;
        let name = string_arg(env, &name, "name")?;
        match index.lookup(&lib, &name) {
            Some(found) => Ok(env.byte_array_from_slice(&found.record)?.into_raw()),
            None => Ok(std::ptr::null_mut()),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolSuggestions<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    lib: JString<'local>,
    name: JString<'local>,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let index = index(handle)?;
        let lib = string_arg(env, &lib, "lib")?;
        let name = string_arg(env, &name, "name")?;
        let suggestions = index.suggestions(&lib, &name);
        Ok(string_array(env, &suggestions)?.into_raw())
    })
}

/// `u32 count`, then per hit `str lib, str name, u32 score`.
fn encode_hits(hits: &[circuitsynth_symbol_cache::SearchHit<'_>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(4 + hits.len() * 32);
    out.extend_from_slice(&(hits.len() as u32).to_le_bytes());
    for hit in hits {
        for text in [hit.library, hit.name] {
            out.extend_from_slice(&(text.len() as u32).to_le_bytes());
            out.extend_from_slice(text.as_bytes());
        }
        out.extend_from_slice(&hit.score.to_le_bytes());
    }
    out
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolSearch<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    query: JString<'local>,
    limit: jint,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let index = index(handle)?;
        let query = string_arg(env, &query, "query")?;
        let limit = usize::try_from(limit).map_err(|_| {
            JavaError::illegal_argument(format!("limit must not be negative, was {limit}"))
        })?;
        let encoded = encode_hits(&index.search(&query, limit));
        Ok(env.byte_array_from_slice(&encoded)?.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolIndexStats<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlongArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let stats = index(handle)?.stats();
        let values = [
            stats.libraries as jlong,
            stats.symbols as jlong,
            stats.derived as jlong,
            stats.resident_bytes as jlong,
        ];
        let array = env.new_long_array(values.len() as jint)?;
        env.set_long_array_region(&array, 0, &values)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolDumpLibrary<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    lib: JString<'local>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let index = index(handle)?;
        let lib = string_arg(env, &lib, "lib")?;
        match index.dump_library(&lib) {
            Some(dump) => Ok(env.byte_array_from_slice(dump.as_bytes())?.into_raw()),
            None => Ok(std::ptr::null_mut()),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_symbolIndexClose<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    guard(&mut env, (), |_env| {
        // SAFETY: from `into_handle` in `symbolIndexOpen`; the Java wrapper closes each handle
        // once, after every other call on it returned.
        unsafe { release_handle::<SymbolIndex>(handle) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_are_encoded_little_endian_with_length_prefixed_texts() {
        let hits = [circuitsynth_symbol_cache::SearchHit {
            library: "Device",
            name: "R",
            score: 1000,
        }];
        let mut expected = vec![1, 0, 0, 0, 6, 0, 0, 0];
        expected.extend_from_slice(b"Device");
        expected.extend_from_slice(&[1, 0, 0, 0, b'R']);
        expected.extend_from_slice(&1000u32.to_le_bytes());
        assert_eq!(encode_hits(&hits), expected);
    }

    #[test]
    fn handle_zero_is_refused() {
        assert!(index(0).is_err());
    }
}
