//! JNI entry point of the `placement` stage (`NativePlacement.placeFlat`): the sheet arrives as
//! one `int[]` in the flat encoding and the layout leaves as one `long[]`, so a sheet crosses the
//! boundary once whatever its size.

use circuitsynth_placement::{decode_sheet, encode_layout, place};
use jni::objects::{JClass, JIntArray};
use jni::sys::{jint, jlong, jlongArray};
use jni::JNIEnv;

use crate::{guard, JavaError};

const PLACEMENT_EXCEPTION: &str = "io/circuitsynth/placement/PlacementException";

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativePlacement_placeFlat<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    sheet: JIntArray<'local>,
) -> jlongArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        if sheet.is_null() {
            return Err(JavaError::null("sheet"));
        }
        let len = env.get_array_length(&sheet)?;
        let mut ints: Vec<jint> = vec![0; len as usize];
        env.get_int_array_region(&sheet, 0, &mut ints)?;
        // The Java side encodes the sheet itself, so a malformed flat form is a bug there, not
        // bad user input.
        let decoded = decode_sheet(&ints).map_err(|e| JavaError::illegal_argument(e.message))?;
        let layout = place(&decoded).map_err(|e| JavaError::Throw {
            class: PLACEMENT_EXCEPTION,
            message: e.message,
        })?;
        let flat: Vec<jlong> = encode_layout(&layout);
        let len = jint::try_from(flat.len()).map_err(|_| {
            JavaError::illegal_argument(format!(
                "a layout of {} values does not fit a Java array",
                flat.len()
            ))
        })?;
        let array = env.new_long_array(len)?;
        env.set_long_array_region(&array, 0, &flat)?;
        Ok(array.into_raw())
    })
}
