//! JNI entry points of the `netlist` stage. The Java side declares, on
//! `io.circuitsynth.natives.NativeBridge`:
//!
//! ```java
//! static native byte[] netlistReadCircuitJson(byte[] json);
//! static native byte[] netlistReadCircuitSynthJson(byte[] json);
//! static native byte[] netlistReadNet(byte[] net);
//! static native byte[] netlistWriteCircuitJson(byte[] design);
//! static native byte[] netlistWriteNet(byte[] design, long symbolIndex);
//! static native byte[] designRoundTrip(byte[] design);
//! static native long[] netlistFinalizeCounts(byte[] design, long symbolIndex);
//! static native byte[] netlistReferences(byte[] design);
//! static native long designHold(byte[] design);
//! static native byte[] designReferences(long design);
//! static native byte[] designWriteNet(long design, long symbolIndex);
//! static native void designRelease(long design);
//! ```
//!
//! A design crosses in one piece, in the design codec's encoding (`circuitsynth_netlist::codec`,
//! `conformance/netlist/codec/README.md`): the readers answer an encoded design, the writers take
//! one, and `netlistReferences` takes the design's outline (that README's "Outlines"). Bad input (the stage's `Err(String)`) becomes `io.circuitsynth.netlist.NetlistException`
//! with exactly that message, so both engines throw the same exception with the same text. An
//! encoding the Rust decoder refuses can only come from a bug on the Java side; it becomes an
//! `IllegalArgumentException` naming the operation.

use circuitsynth_netlist::finalize::Reference;
use circuitsynth_netlist::model::{Design, Outline};
use circuitsynth_netlist::{circuit_json, circuit_synth, codec, finalize, net_read, net_write};
use circuitsynth_symbol_cache::SymbolIndex;
use jni::objects::{JByteArray, JClass};
use jni::sys::{jbyteArray, jint, jlong, jlongArray};
use jni::JNIEnv;

use crate::symbol_ops::index;
use crate::{guard, handle_ref, into_handle, release_handle, JavaError};

const NETLIST_EXCEPTION: &str = "io/circuitsynth/netlist/NetlistException";

fn netlist_error(message: String) -> JavaError {
    JavaError::Throw {
        class: NETLIST_EXCEPTION,
        message,
    }
}

fn bytes_arg(env: &mut JNIEnv, array: &JByteArray, what: &str) -> Result<Vec<u8>, JavaError> {
    if array.is_null() {
        return Err(JavaError::null(what));
    }
    Ok(env.convert_byte_array(array)?)
}

fn design_arg(bytes: &[u8], operation: &str) -> Result<Design, JavaError> {
    codec::decode(bytes).map_err(|message| undecodable(operation, message))
}

fn undecodable(operation: &str, message: String) -> JavaError {
    JavaError::illegal_argument(format!(
        "{operation} received a design the native engine cannot decode: {message}"
    ))
}

/// A reader's answer: the encoded design, or its error as a `NetlistException`.
fn read_with(
    reader: fn(&[u8]) -> Result<Design, String>,
    input: &[u8],
) -> Result<Vec<u8>, JavaError> {
    reader(input)
        .map(|design| codec::encode(&design))
        .map_err(netlist_error)
}

fn write_circuit_json(design: &[u8]) -> Result<Vec<u8>, JavaError> {
    Ok(circuit_json::write(&design_arg(
        design,
        "writeCircuitJson",
    )?))
}

fn write_net(design: &[u8], symbols: &SymbolIndex) -> Result<Vec<u8>, JavaError> {
    write_design_net(&design_arg(design, "writeNet")?, symbols)
}

fn write_design_net(design: &Design, symbols: &SymbolIndex) -> Result<Vec<u8>, JavaError> {
    let netlist = finalize::finalize(design, symbols).map_err(netlist_error)?;
    Ok(net_write::write_net(&netlist))
}

/// `[components, nets]` of the finalized netlist: finalize alone, with no `.net` to write.
fn finalize_counts(design: &[u8], symbols: &SymbolIndex) -> Result<[jlong; 2], JavaError> {
    let design = design_arg(design, "finalizeCounts")?;
    let netlist = finalize::finalize(&design, symbols).map_err(netlist_error)?;
    Ok([
        netlist.components.len() as jlong,
        netlist.nets.len() as jlong,
    ])
}

/// The references finalize gives, in its component order: their count, then each as its UTF-8
/// length and its UTF-8, the numbers in the design codec's LEB128. Only the design's outline is
/// decoded (`codec::decode_outline`): no string of the design is copied, and a reference the
/// design writes out goes from the input bytes to the answer.
fn references(design: &[u8]) -> Result<Vec<u8>, JavaError> {
    let outline =
        codec::decode_outline(design).map_err(|message| undecodable("references", message))?;
    references_answer(&outline)
}

/// The references of `outline` as `netlistReferences` answers them.
fn references_answer(outline: &Outline<'_>) -> Result<Vec<u8>, JavaError> {
    let references = finalize::outline_references(outline).map_err(netlist_error)?;
    let lengths: Vec<usize> = references.iter().map(Reference::len).collect();
    let total =
        leb128_len(references.len()) + lengths.iter().map(|&n| leb128_len(n) + n).sum::<usize>();
    let mut out = vec![0u8; total];
    let mut at = write_leb128(&mut out, 0, references.len());
    for (reference, &length) in references.iter().zip(&lengths) {
        at = write_leb128(&mut out, at, length);
        at += reference.write_to(&mut out[at..]);
    }
    debug_assert_eq!(at, total);
    Ok(out)
}

fn leb128_len(mut n: usize) -> usize {
    let mut len = 1;
    while n >= 0x80 {
        n >>= 7;
        len += 1;
    }
    len
}

/// Writes `n` at `out[at..]`; answers where it ends.
fn write_leb128(out: &mut [u8], mut at: usize, mut n: usize) -> usize {
    while n >= 0x80 {
        out[at] = (n as u8 & 0x7F) | 0x80;
        n >>= 7;
        at += 1;
    }
    out[at] = n as u8;
    at + 1
}

fn round_trip(design: &[u8]) -> Result<Vec<u8>, JavaError> {
    Ok(codec::encode(&design_arg(design, "designRoundTrip")?))
}

fn answer(env: &mut JNIEnv, bytes: &[u8]) -> Result<jbyteArray, JavaError> {
    Ok(env.byte_array_from_slice(bytes)?.into_raw())
}

/// An entry point from bytes to bytes: `input` (named `what` if null) through `op`.
fn bytes_entry<'local>(
    mut env: JNIEnv<'local>,
    input: JByteArray<'local>,
    what: &str,
    op: impl FnOnce(&[u8]) -> Result<Vec<u8>, JavaError>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let bytes = bytes_arg(env, &input, what)?;
        let out = op(&bytes)?;
        answer(env, &out)
    })
}

fn read_entry<'local>(
    env: JNIEnv<'local>,
    input: JByteArray<'local>,
    what: &str,
    reader: fn(&[u8]) -> Result<Design, String>,
) -> jbyteArray {
    bytes_entry(env, input, what, |bytes| read_with(reader, bytes))
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistReadCircuitJson<'local>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    json: JByteArray<'local>,
) -> jbyteArray {
    read_entry(env, json, "json", circuit_json::read)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistReadCircuitSynthJson<
    'local,
>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    json: JByteArray<'local>,
) -> jbyteArray {
    read_entry(env, json, "json", circuit_synth::read)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistReadNet<'local>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    net: JByteArray<'local>,
) -> jbyteArray {
    read_entry(env, net, "net", net_read::read)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistWriteCircuitJson<'local>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
) -> jbyteArray {
    bytes_entry(env, design, "design", write_circuit_json)
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistWriteNet<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
    symbol_index: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let bytes = bytes_arg(env, &design, "design")?;
        let symbols = index(symbol_index)?;
        let net = write_net(&bytes, symbols)?;
        answer(env, &net)
    })
}

/// Test hook: decodes and re-encodes a design in Rust, so Java tests can hold the two codecs to
/// the same bytes and the same refusals without any stage part.
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_designRoundTrip<'local>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
) -> jbyteArray {
    bytes_entry(env, design, "design", round_trip)
}

/// Finalize alone (the benchmarks time it apart from writing): `[components, nets]`.
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistFinalizeCounts<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
    symbol_index: jlong,
) -> jlongArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let bytes = bytes_arg(env, &design, "design")?;
        let symbols = index(symbol_index)?;
        let counts = finalize_counts(&bytes, symbols)?;
        let array = env.new_long_array(counts.len() as jint)?;
        env.set_long_array_region(&array, 0, &counts)?;
        Ok(array.into_raw())
    })
}

/// The references alone (the benchmarks time reference generation apart from finalize).
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_netlistReferences<'local>(
    env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
) -> jbyteArray {
    bytes_entry(env, design, "design", references)
}

/// A design held for several calls (`NativeDesign`), with its outline made once.
struct HeldDesign {
    /// Borrows the strings of `design`. Declared first, so it is dropped first.
    outline: Outline<'static>,
    design: Design,
}

impl HeldDesign {
    fn new(design: Design) -> Self {
        let outline = Outline::of(&design);
        // SAFETY: the outline points only into the heap buffers of `design`'s strings, which do
        // not move when `design` does, are never changed (a held design is only read), and are
        // freed after the outline (field order); `outline()` hands it out no longer than `self`.
        let outline = unsafe { std::mem::transmute::<Outline<'_>, Outline<'static>>(outline) };
        HeldDesign { outline, design }
    }

    fn outline(&self) -> &Outline<'_> {
        &self.outline
    }
}

/// The design behind a handle from `designHold`.
fn held<'h>(handle: jlong) -> Result<&'h HeldDesign, JavaError> {
    // SAFETY: a handle here comes from `into_handle` in `designHold`, and the Java wrapper
    // (`NativeHandle`) does not pass it to `designRelease` while this call runs; a held design is
    // only read, so shared references from several threads at once are sound.
    unsafe { handle_ref(handle, "the held design is closed") }
}

/// Decodes a design into the native heap for several calls (`NativeDesign`).
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_designHold<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
) -> jlong {
    guard(&mut env, 0, |env| {
        let bytes = bytes_arg(env, &design, "design")?;
        let design = design_arg(&bytes, "designHold")?;
        Ok(into_handle(HeldDesign::new(design)))
    })
}

/// `netlistReferences` of a held design, from the outline made when it was held.
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_designReferences<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let answer_bytes = references_answer(held(design)?.outline())?;
        answer(env, &answer_bytes)
    })
}

/// `netlistWriteNet` of a held design.
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_designWriteNet<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: jlong,
    symbol_index: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let net = write_design_net(&held(design)?.design, index(symbol_index)?)?;
        answer(env, &net)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_designRelease<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: jlong,
) {
    guard(&mut env, (), |_env| {
        // SAFETY: from `into_handle` in `designHold`; the Java wrapper releases each handle once,
        // after every other call on it returned.
        unsafe { release_handle::<HeldDesign>(design) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thrown(result: Result<Vec<u8>, JavaError>) -> (&'static str, String) {
        match result {
            Err(JavaError::Throw { class, message }) => (class, message),
            Err(JavaError::AlreadyThrown) => {
                panic!("expected an exception to throw, got AlreadyThrown")
            }
            Ok(bytes) => panic!("expected an error, got {} bytes", bytes.len()),
        }
    }

    #[test]
    fn a_stage_error_becomes_a_netlist_exception_with_its_exact_message() {
        fn failing(_: &[u8]) -> Result<Design, String> {
            Err("$.definitions.Main.components[3].id: missing member \"id\"".to_string())
        }
        assert_eq!(
            thrown(read_with(failing, b"{}")),
            (
                NETLIST_EXCEPTION,
                "$.definitions.Main.components[3].id: missing member \"id\"".to_string()
            )
        );
    }

    #[test]
    fn a_read_design_crosses_encoded() {
        fn reading(input: &[u8]) -> Result<Design, String> {
            Ok(Design {
                name: String::from_utf8(input.to_vec()).expect("UTF-8"),
                ..Design::default()
            })
        }
        let bytes = read_with(reading, b"amp").ok().expect("reads");
        assert_eq!(codec::decode(&bytes).expect("decodes").name, "amp");
    }

    #[test]
    fn an_undecodable_design_is_an_illegal_argument_naming_the_operation() {
        assert_eq!(
            thrown(write_circuit_json(b"CSDE\x02")),
            (
                "java/lang/IllegalArgumentException",
                "writeCircuitJson received a design the native engine cannot decode: malformed design \
                 encoding at byte 4: encoding version 2 is not supported; this engine reads version 1"
                    .to_string()
            )
        );
    }

    #[test]
    fn the_round_trip_hook_re_encodes() {
        let design = circuitsynth_netlist::synthetic::design(20, 30);
        let bytes = codec::encode(&design);
        assert_eq!(round_trip(&bytes).ok(), Some(bytes));
    }
}
