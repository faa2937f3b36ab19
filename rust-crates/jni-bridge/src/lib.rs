//! The JNI bridge: the only crate that knows about the JVM.
//!
//! Every `Java_io_circuitsynth_natives_NativeBridge_*` entry point runs its body through
//! [`guard`], which turns both typed errors and panics into Java exceptions. No panic ever unwinds
//! into the JVM (that would be undefined behaviour and, in practice, a crashed process).
//!
//! Data crosses the boundary once per operation, flat: byte arrays, int arrays, string arrays.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::ffi::c_void;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use jni::objects::{JClass, JString};
use jni::sys::{jint, jlong, jstring, JNI_VERSION_1_8};
use jni::JNIEnv;

mod io_ops;
mod netlist_ops;
mod placement_ops;
mod schematic_ops;
mod symbol_ops;

/// Every allocation of the library's Rust code (never the JVM's) goes to mimalloc: the stages
/// allocate a string per name they decode or make, and against glibc's malloc that was a fifth
/// of a 10,000-component netlist's time and half of decoding the design (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Bumped whenever a native signature or the meaning of its data changes. The Java loader
/// compares it with its own constant (`NativeBridge.ABI_VERSION`) before using the library.
pub const ABI_VERSION: jint = 6;

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

    /// `NullPointerException("WHAT is null")`, for a null argument.
    pub(crate) fn null(what: &str) -> Self {
        JavaError::Throw {
            class: "java/lang/NullPointerException",
            message: format!("{what} is null"),
        }
    }

    pub(crate) fn illegal_argument(message: String) -> Self {
        JavaError::Throw {
            class: "java/lang/IllegalArgumentException",
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

thread_local! {
    /// How many [`guard`] calls are active on this thread; the panic hook stays quiet inside one.
    static GUARD_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// `file:line:column` of the last panic caught inside a guard on this thread.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

static PANIC_HOOK: Once = Once::new();

/// Installs, once per process, a panic hook that records where a guarded panic happened instead of
/// printing it: the JVM's stderr belongs to the application, and the location travels in the
/// exception message. Panics outside a guard (threads the bridge does not own, e.g. a pool worker
/// whose panic is re-raised on the calling thread) still reach the previous hook.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // `try_with`: a panic while the thread's locals are being destroyed must not panic
            // again inside the hook, which would abort the JVM.
            if GUARD_DEPTH.try_with(Cell::get).unwrap_or(0) > 0 {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                let _ = PANIC_LOCATION.try_with(|slot| {
                    if let Ok(mut slot) = slot.try_borrow_mut() {
                        *slot = location;
                    }
                });
            } else {
                previous(info);
            }
        }));
    });
}

/// Keeps [`GUARD_DEPTH`] right even when the body unwinds.
struct GuardScope;

impl GuardScope {
    fn enter() -> Self {
        GUARD_DEPTH.with(|d| d.set(d.get() + 1));
        PANIC_LOCATION.with(|slot| slot.borrow_mut().take());
        GuardScope
    }
}

impl Drop for GuardScope {
    fn drop(&mut self) {
        GUARD_DEPTH.with(|d| d.set(d.get() - 1));
    }
}

fn panic_description(payload: &(dyn Any + Send)) -> String {
    let message = panic_message(payload);
    match PANIC_LOCATION.with(|slot| slot.borrow_mut().take()) {
        Some(location) => format!("native engine panicked at {location}: {message}"),
        None => format!("native engine panicked: {message}"),
    }
}

/// Runs `body`, converting an `Err` or a panic into a pending Java exception and returning
/// `fallback` in that case (the JVM ignores the return value while an exception is pending).
pub(crate) fn guard<'local, R, F>(env: &mut JNIEnv<'local>, fallback: R, body: F) -> R
where
    F: FnOnce(&mut JNIEnv<'local>) -> Result<R, JavaError>,
{
    install_panic_hook();
    let outcome = {
        let _scope = GuardScope::enter();
        catch_unwind(AssertUnwindSafe(|| body(env)))
    };
    let error = match outcome {
        Ok(Ok(value)) => return value,
        Ok(Err(error)) => error,
        Err(payload) => JavaError::Throw {
            class: PANIC_CLASS,
            message: panic_description(payload.as_ref()),
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

/// `value` moved to the Rust heap, as the opaque handle Java holds (`NativeHandle`).
pub(crate) fn into_handle<T>(value: T) -> jlong {
    Box::into_raw(Box::new(value)) as usize as jlong
}

/// The `T` behind `handle`; for 0 (released) an `IllegalStateException` saying `closed`.
///
/// # Safety
///
/// A non-zero `handle` must come from [`into_handle`] with this `T`, and must not be released
/// before the borrow ends (the Java `NativeHandle` holds its read lock for the whole call). `T`
/// must be `Sync` when several threads may call at once.
pub(crate) unsafe fn handle_ref<'h, T>(handle: jlong, closed: &str) -> Result<&'h T, JavaError> {
    if handle == 0 {
        return Err(JavaError::Throw {
            class: "java/lang/IllegalStateException",
            message: closed.to_string(),
        });
    }
    // SAFETY: the caller's contract above.
    Ok(unsafe { &*(handle as usize as *const T) })
}

/// Frees the `T` behind `handle`; 0 is ignored.
///
/// # Safety
///
/// A non-zero `handle` must come from [`into_handle`] with this `T` and be released once, after
/// every other call on it returned (`NativeHandle`'s write lock).
pub(crate) unsafe fn release_handle<T>(handle: jlong) {
    if handle != 0 {
        // SAFETY: the caller's contract above: this is the sole owner reclaiming the box.
        drop(unsafe { Box::from_raw(handle as usize as *mut T) });
    }
}

pub(crate) fn java_string(env: &mut JNIEnv, s: &JString) -> Result<String, JavaError> {
    Ok(env.get_string(s)?.into())
}

/// Called by the JVM when `System.load` maps the library: installs the panic hook before any entry
/// point can run, and declares the JNI version the bridge needs.
#[no_mangle]
pub extern "system" fn JNI_OnLoad(_vm: *mut jni::sys::JavaVM, _reserved: *mut c_void) -> jint {
    // Unwinding into the JVM's System.load would be undefined behaviour; a failed installation
    // only costs the location in panic messages, so it is ignored.
    let _ = catch_unwind(install_panic_hook);
    JNI_VERSION_1_8
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guarded_panic_is_described_with_its_location() {
        install_panic_hook();
        let (payload, line) = {
            let _scope = GuardScope::enter();
            #[rustfmt::skip]
            let caught = (catch_unwind(|| -> () { panic!("boom {}", 42) }).unwrap_err(), line!());
            caught
        };
        let description = panic_description(payload.as_ref());
        let prefix = format!("native engine panicked at {}:{line}:", file!());
        assert!(description.starts_with(&prefix), "{description}");
        assert!(description.ends_with(": boom 42"), "{description}");
        assert_eq!(GUARD_DEPTH.with(Cell::get), 0);
    }

    #[test]
    fn location_is_not_reused_by_a_later_panic_without_one() {
        install_panic_hook();
        PANIC_LOCATION.with(|slot| *slot.borrow_mut() = None);
        let payload: Box<dyn Any + Send> = Box::new("no hook ran");
        assert_eq!(
            panic_description(payload.as_ref()),
            "native engine panicked: no hook ran"
        );
    }
}
