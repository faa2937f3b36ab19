//! JNI entry points of the `io` stage (`NativeBridge.sexpr*`, `hashFiles`, `writeIfChanged`).
//!
//! Byte arrays are copied once into Rust (`convert_byte_array`) rather than pinned: parsing
//! keeps no reference into the array, and a copy cannot be invalidated by the GC or leak a pin if
//! Java code misbehaves. Node tables travel as `int[]` of stride 4, exactly as the parser makes
//! them.

use std::path::PathBuf;

use circuitsynth_io::{FileError, ParseError, WriteOutcome};
use jni::objects::ReleaseMode;
use jni::objects::{
    JByteArray, JClass, JIntArray, JObject, JObjectArray, JString, JThrowable, JValue,
};
use jni::sys::{jboolean, jbyteArray, jint, jintArray, jlong, jlongArray, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;

use crate::{guard, java_string, JavaError};

const PARSE_EXCEPTION: &str = "io/circuitsynth/io/SexprParseException";
const PARSE_EXCEPTION_CTOR: &str = "(Ljava/lang/String;IIJLjava/lang/String;)V";

fn null_check(object: &JObject, what: &str) -> Result<(), JavaError> {
    if object.is_null() {
        return Err(JavaError::null(what));
    }
    Ok(())
}

/// Throws `SexprParseException` through its five-argument constructor, so Java sees the same
/// exception, with the same parts, as the Java engine throws.
fn throw_parse_error(env: &mut JNIEnv, source_name: &str, error: &ParseError) -> JavaError {
    let thrown = (|| -> Result<(), JavaError> {
        let name = env.new_string(source_name)?;
        let detail = env.new_string(&error.detail)?;
        let exception = env.new_object(
            PARSE_EXCEPTION,
            PARSE_EXCEPTION_CTOR,
            &[
                JValue::Object(&name),
                JValue::Int(saturating_int(error.line)),
                JValue::Int(saturating_int(error.column)),
                JValue::Long(error.offset as jlong),
                JValue::Object(&detail),
            ],
        )?;
        env.throw(JThrowable::from(exception))?;
        Ok(())
    })();
    match thrown {
        Ok(()) => JavaError::AlreadyThrown,
        Err(e) => e,
    }
}

fn saturating_int(value: usize) -> jint {
    jint::try_from(value).unwrap_or(jint::MAX)
}

fn file_error(env: &mut JNIEnv, error: FileError) -> JavaError {
    match error {
        FileError::Io { message, .. } => JavaError::io(message),
        FileError::Parse { path, error } => throw_parse_error(env, &path, &error),
    }
}

fn node_array<'local>(
    env: &mut JNIEnv<'local>,
    nodes: &[u32],
) -> Result<JIntArray<'local>, JavaError> {
    let len = jint::try_from(nodes.len()).map_err(|_| {
        JavaError::illegal_argument(format!(
            "node table of {} ints does not fit a Java array",
            nodes.len()
        ))
    })?;
    let array = env.new_int_array(len)?;
    // SAFETY: u32 and i32 have the same size and alignment and every bit pattern is valid for
    // both; the parser caps offsets and counts at i32::MAX, so the values read the same in Java.
    let as_jint = unsafe { std::slice::from_raw_parts(nodes.as_ptr().cast::<jint>(), nodes.len()) };
    env.set_int_array_region(&array, 0, as_jint)?;
    Ok(array)
}

fn paths(env: &mut JNIEnv, array: &JObjectArray) -> Result<Vec<PathBuf>, JavaError> {
    null_check(array, "paths")?;
    let len = env.get_array_length(array)?;
    let mut out = Vec::with_capacity(len as usize);
    for i in 0..len {
        let element = env.get_object_array_element(array, i)?;
        null_check(&element, "paths element")?;
        let path = java_string(env, &JString::from(element))?;
        out.push(PathBuf::from(path));
    }
    Ok(out)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_sexprParse<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    input: JByteArray<'local>,
    source_name: JString<'local>,
) -> jintArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        null_check(&input, "input")?;
        null_check(&source_name, "sourceName")?;
        let bytes = env.convert_byte_array(&input)?;
        match circuitsynth_io::parse(&bytes) {
            Ok(nodes) => Ok(node_array(env, &nodes)?.into_raw()),
            Err(error) => {
                let name = java_string(env, &source_name)?;
                Err(throw_parse_error(env, &name, &error))
            }
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_sexprPrint<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    source: JByteArray<'local>,
    nodes: JIntArray<'local>,
    node_count: jint,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        null_check(&source, "source")?;
        null_check(&nodes, "nodes")?;
        let table_len = env.get_array_length(&nodes)?;
        let used = usize::try_from(node_count)
            .ok()
            .and_then(|n| n.checked_mul(4))
            .filter(|&n| n <= table_len as usize)
            .ok_or_else(|| {
                JavaError::illegal_argument(format!(
                    "invalid node table: {node_count} nodes do not fit a table of {table_len} ints"
                ))
            })?;
        // Printing a whole library from Java trees would copy hundreds of MB per run if the
        // arrays were copied in; pinned access reads them in place. No JNI call happens while
        // they are held, as critical access requires, so the output array is created after.
        let printed = {
            // SAFETY: the clone is this thread's own JNIEnv; the crate's API takes `&mut` per
            // pinned array, so holding two pins at once needs two handles to the same env.
            let mut first = unsafe { env.unsafe_clone() };
            // SAFETY: as above.
            let mut second = unsafe { env.unsafe_clone() };
            // SAFETY: both arrays are only read, NoCopyBack never writes them back, they are two
            // different arrays, and both guards are dropped at the end of this block, before any
            // other JNI call.
            let source =
                unsafe { first.get_array_elements_critical(&source, ReleaseMode::NoCopyBack)? };
            // SAFETY: as above.
            let table =
                unsafe { second.get_array_elements_critical(&nodes, ReleaseMode::NoCopyBack)? };
            // SAFETY: jbyte/u8 and jint/u32 have the same size and alignment and every bit
            // pattern is valid for both. A negative entry reads as a value above i32::MAX, which
            // the table validation rejects as out of range.
            let bytes =
                unsafe { std::slice::from_raw_parts(source.as_ptr().cast::<u8>(), source.len()) };
            // SAFETY: as above; `used` was checked against the array length.
            let table = unsafe { std::slice::from_raw_parts(table.as_ptr().cast::<u32>(), used) };
            circuitsynth_io::print_table(bytes, table)
        };
        let printed = printed.map_err(|e| JavaError::illegal_argument(e.to_string()))?;
        Ok(env.byte_array_from_slice(&printed)?.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_sexprFormat<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    input: JByteArray<'local>,
    source_name: JString<'local>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        null_check(&input, "input")?;
        null_check(&source_name, "sourceName")?;
        let bytes = env.convert_byte_array(&input)?;
        match circuitsynth_io::format(&bytes) {
            Ok(printed) => Ok(env.byte_array_from_slice(&printed)?.into_raw()),
            Err(error) => {
                let name = java_string(env, &source_name)?;
                Err(throw_parse_error(env, &name, &error))
            }
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_sexprParseFiles<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    files: JObjectArray<'local>,
) -> jlong {
    guard(&mut env, 0, |env| {
        let files = paths(env, &files)?;
        match circuitsynth_io::parse_files(&files) {
            Ok(total) => Ok(total as jlong),
            Err(error) => Err(file_error(env, error)),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_hashFiles<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    files: JObjectArray<'local>,
) -> jlongArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let files = paths(env, &files)?;
        let hashes = match circuitsynth_io::hash_files(&files) {
            Ok(hashes) => hashes,
            Err(error) => return Err(file_error(env, error)),
        };
        // Sizes and hashes cross as the bit patterns of Java longs; Java reads the hash unsigned.
        let flat: Vec<jlong> = hashes
            .iter()
            .flat_map(|h| [h.size as jlong, h.xxh64 as jlong])
            .collect();
        let len = jint::try_from(flat.len())
            .map_err(|_| JavaError::illegal_argument("too many files".to_string()))?;
        let array = env.new_long_array(len)?;
        env.set_long_array_region(&array, 0, &flat)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_writeIfChanged<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    path: JString<'local>,
    data: JByteArray<'local>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        null_check(&path, "path")?;
        null_check(&data, "data")?;
        let path = PathBuf::from(java_string(env, &path)?);
        let bytes = env.convert_byte_array(&data)?;
        match circuitsynth_io::write_if_changed(&path, &bytes) {
            Ok(WriteOutcome::Written) => Ok(JNI_TRUE),
            Ok(WriteOutcome::Unchanged) => Ok(JNI_FALSE),
            Err(error) => Err(file_error(env, error)),
        }
    })
}
