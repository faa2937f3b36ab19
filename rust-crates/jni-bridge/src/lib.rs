//! The JNI bridge: the only crate that knows about the JVM.
//!
//! Every `Java_io_circuitsynth_natives_NativeBridge_*` entry point runs its body through
//! [`guard`], which turns both typed errors and panics into Java exceptions. No panic ever unwinds
//! into the JVM (that would be undefined behaviour and, in practice, a crashed process).
//!
//! Data crosses the boundary once per operation, flat: byte arrays, int arrays, string arrays.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jni::objects::{JClass, JString};
use jni::sys::{jint, jstring};
use jni::JNIEnv;

mod io_ops;

/// Bumped whenever a native signature or the meaning of its data changes. The Java loader
/// compares it with its own constant (`NativeBridge.ABI_VERSION`) before using the library.
pub const ABI_VERSION: jint = 1;

/// An error that becomes a Java exception of the given class.
pub(crate) enum JavaError {
    /// `class` is a JNI class name such as `java/io/IOException`; it must have a (String)
    /// constructor.
    Throw {
        class: &'static str,
        message: String,
    },
    /// The exception object has already been thrown (for constructors with more arguments).
    AlreadyThrown,
}

impl JavaError {
    pub(crate) fn io(message: String) -> Self {
        JavaError::Throw {
            class: "java/io/IOException",
            message,
        }
    }
}

impl From<jni::errors::Error> for JavaError {
    fn from(e: jni::errors::Error) -> Self {
        match e {
            jni::errors::Error::JavaException => JavaError::AlreadyThrown,
            other => JavaError::Throw {
                class: "io/circuitsynth/natives/NativeEngineException",
                message: format!("JNI call failed: {other}"),
            },
        }
    }
}

const PANIC_CLASS: &str = "io/circuitsynth/natives/NativeEngineException";

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_string()
    }
}

/// Runs `body`, converting an `Err` or a panic into a pending Java exception and returning
/// `fallback` in that case (the JVM ignores the return value while an exception is pending).
pub(crate) fn guard<'local, R, F>(env: &mut JNIEnv<'local>, fallback: R, body: F) -> R
where
    F: FnOnce(&mut JNIEnv<'local>) -> Result<R, JavaError>,
{
    let outcome = catch_unwind(AssertUnwindSafe(|| body(env)));
    let error = match outcome {
        Ok(Ok(value)) => return value,
        Ok(Err(error)) => error,
        Err(payload) => JavaError::Throw {
            class: PANIC_CLASS,
            message: format!(
                "native engine panicked: {}",
                panic_message(payload.as_ref())
            ),
        },
    };
    if let JavaError::Throw { class, message } = error {
        // An exception may already be pending from a failed JNI call; replace it with ours.
        if env.exception_check().unwrap_or(false) {
            let _ = env.exception_clear();
        }
        if env.throw_new(class, &message).is_err() {
            let _ = env.throw_new("java/lang/RuntimeException", &message);
        }
    }
    fallback
}

pub(crate) fn java_string(env: &mut JNIEnv, s: &JString) -> Result<String, JavaError> {
    Ok(env.get_string(s)?.into())
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_abiVersion(
    _env: JNIEnv,
    _class: JClass,
) -> jint {
    ABI_VERSION
}

#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_crateVersion<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        Ok(env.new_string(env!("CARGO_PKG_VERSION"))?.into_raw())
    })
}

/// Test hook: panics with the given message, so tests can prove a panic arrives as a Java
/// exception and the JVM lives on.
#[no_mangle]
pub extern "system" fn Java_io_circuitsynth_natives_NativeBridge_debugPanic<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    message: JString<'local>,
) {
    guard(&mut env, (), |env| {
        let message = java_string(env, &message)?;
        panic!("{message}");
    })
}
