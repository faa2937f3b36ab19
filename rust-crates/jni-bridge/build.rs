//! Restricts the cdylib's dynamic symbol table to the JNI entry points (`Java_*`, `JNI_OnLoad`),
//! so nothing of the Rust standard library or the dependencies leaks out and clashes with other
//! native libraries loaded into the same JVM.

use std::env;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    match os.as_str() {
        // GNU ld and lld; the Solaris/illumos linker wants its own mapfile syntax.
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly" => {
            let map = dir.join("link/exports.map");
            println!("cargo:rerun-if-changed={}", map.display());
            println!(
                "cargo:rustc-cdylib-link-arg=-Wl,--version-script={}",
                map.display()
            );
        }
        "macos" | "ios" => {
            let list = dir.join("link/exports.txt");
            println!("cargo:rerun-if-changed={}", list.display());
            println!(
                "cargo:rustc-cdylib-link-arg=-Wl,-exported_symbols_list,{}",
                list.display()
            );
        }
        // Windows (MSVC and MinGW) exports only what rustc marks for export, the `#[no_mangle]`
        // extern items, which are already just the JNI entry points: nothing to add there.
        _ => {}
    }
    println!("cargo:rerun-if-changed=build.rs");
}
