//! JNI entry point of the `schematic-writer` stage: the whole pipeline in one call. The Java
//! side declares, on `io.circuitsynth.natives.NativeBridge`:
//!
//! ```java
//! static native byte[] schematicGenerate(byte[] design, long symbolIndex);
//! ```
//!
//! In goes the design in the design codec's encoding and the handle of a native symbol index;
//! out comes every file's bytes and the report, in one flat little-endian encoding that
//! `io.circuitsynth.natives.NativeSchematicStage` reads:
//!
//! ```text
//! u32 files, then per file: str path, bytes content
//! u32 sheets, then per sheet: str file, str definition, str page,
//!     u32 symbols, sheets, power symbols, labels, wires, no-connects, i64 width, i64 height,
//!     u32 overlaps
//! u32 nets, then per net: str name, str kicad name
//! u32 components
//! ```
//!
//! where `str` and `bytes` are a u32 length then that many bytes (UTF-8 for `str`). Finalize's
//! errors become `io.circuitsynth.netlist.NetlistException`, the writer's
//! `io.circuitsynth.schematic.SchematicException`, each with the message the Java engine gives.

use circuitsynth_netlist::codec;
use circuitsynth_schematic_writer::{generate, GenerateError, GeneratedProject};
use circuitsynth_symbol_cache::SymbolIndex;
use jni::objects::{JByteArray, JClass};
use jni::sys::{jbyteArray, jlong};
use jni::JNIEnv;

use crate::symbol_ops::index;
use crate::{guard, JavaError};

const NETLIST_EXCEPTION: &str = "io/circuitsynth/netlist/NetlistException";
const SCHEMATIC_EXCEPTION: &str = "io/circuitsynth/schematic/SchematicException";

fn put_u32(out: &mut Vec<u8>, v: usize) {
    out.extend_from_slice(&(v as u32).to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, b: &[u8]) {
    put_u32(out, b.len());
    out.extend_from_slice(b);
}

/// The flat encoding of a generated project (module documentation).
pub(crate) fn encode(project: &GeneratedProject) -> Vec<u8> {
    let size: usize = project
        .files
        .iter()
        .map(|f| f.bytes.len() + f.path.len() + 8)
        .sum();
    let mut out = Vec::with_capacity(size + 64 * (project.nets.len() + project.sheets.len()) + 16);
    put_u32(&mut out, project.files.len());
    for f in &project.files {
        put_bytes(&mut out, f.path.as_bytes());
        put_bytes(&mut out, &f.bytes);
    }
    put_u32(&mut out, project.sheets.len());
    for s in &project.sheets {
        put_bytes(&mut out, s.file.as_bytes());
        put_bytes(&mut out, s.definition.as_bytes());
        put_bytes(&mut out, s.page.as_bytes());
        for n in [
            s.symbols,
            s.sheets,
            s.power_symbols,
            s.labels,
            s.wires,
            s.no_connects,
        ] {
            put_u32(&mut out, n);
        }
        out.extend_from_slice(&s.width.to_le_bytes());
        out.extend_from_slice(&s.height.to_le_bytes());
        put_u32(&mut out, s.overlaps);
    }
    put_u32(&mut out, project.nets.len());
    for n in &project.nets {
        put_bytes(&mut out, n.name.as_bytes());
        put_bytes(&mut out, n.kicad_name.as_bytes());
    }
    put_u32(&mut out, project.components);
    out
}

fn generate_project(design: &[u8], symbols: &SymbolIndex) -> Result<Vec<u8>, JavaError> {
    let design = codec::decode(design).map_err(|message| {
        JavaError::illegal_argument(format!(
            "generate received a design the native engine cannot decode: {message}"
        ))
    })?;
    match generate(&design, symbols) {
        Ok(project) => Ok(encode(&project)),
        Err(GenerateError::Netlist(message)) => Err(JavaError::Throw {
            class: NETLIST_EXCEPTION,
            message,
        }),
        Err(GenerateError::Schematic(message)) => Err(JavaError::Throw {
            class: SCHEMATIC_EXCEPTION,
            message,
        }),
    }
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_schematicGenerate<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    design: JByteArray<'local>,
    symbol_index: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        if design.is_null() {
            return Err(JavaError::null("design"));
        }
        let bytes = env.convert_byte_array(&design)?;
        let symbols = index(symbol_index)?;
        let encoded = generate_project(&bytes, symbols)?;
        Ok(env.byte_array_from_slice(&encoded)?.into_raw())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use circuitsynth_schematic_writer::{NetReport, ProjectFile, SheetReport};

    #[test]
    fn the_encoding_lays_out_files_sheets_and_nets_in_order() {
        let project = GeneratedProject {
            name: "p".to_string(),
            files: vec![ProjectFile {
                path: "p.kicad_sch".to_string(),
                bytes: b"(kicad_sch)\n".to_vec(),
            }],
            sheets: vec![SheetReport {
                file: "p.kicad_sch".to_string(),
                definition: "Main".to_string(),
                page: "A4".to_string(),
                symbols: 1,
                sheets: 2,
                power_symbols: 3,
                labels: 4,
                wires: 5,
                no_connects: 6,
                width: 7,
                height: 8,
                overlaps: 0,
            }],
            nets: vec![NetReport {
                name: "GND".to_string(),
                kicad_name: "GND".to_string(),
            }],
            components: 9,
        };
        let e = encode(&project);
        assert_eq!(&e[0..4], &1u32.to_le_bytes());
        assert_eq!(&e[4..8], &11u32.to_le_bytes());
        assert_eq!(&e[8..19], b"p.kicad_sch");
        assert_eq!(&e[e.len() - 4..], &9u32.to_le_bytes());
    }

    #[test]
    fn a_finalize_error_becomes_a_netlist_exception() {
        let index = SymbolIndex::open(&[], None);
        let design = circuitsynth_netlist::model::Design {
            name: "x".to_string(),
            root: "Nope".to_string(),
            definitions: Vec::new(),
            sheet_uuids: Vec::new(),
        };
        match generate_project(&codec::encode(&design), &index) {
            Err(JavaError::Throw { class, message }) => {
                assert_eq!(class, NETLIST_EXCEPTION);
                assert!(message.contains("Nope"), "{message}");
            }
            _ => panic!("expected a NetlistException"),
        }
    }
}
