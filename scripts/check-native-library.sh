#!/usr/bin/env bash
# Checks the native library a natives classifier jar ships, with the platform's own tools:
#   Linux:   ELF of the right machine; the highest GLIBC symbol version it needs is at most the
#            floor; DT_NEEDED only system libraries; exports only Java_* and JNI_OnLoad;
#   macOS:   Mach-O of the right CPU; minimum macOS version as built; ad-hoc code signature;
#            linked only against system libraries; exports only _Java_* and _JNI_OnLoad;
#   Windows: PE of the right machine; exports only Java_* and JNI_OnLoad; no C runtime DLL
#            (VCRUNTIME, UCRT), since the CRT is linked in.
# And on every platform: the builder's home directory does not appear in the bytes.
#
# Usage: scripts/check-native-library.sh NATIVES_JAR PLATFORM [--glibc-floor X.Y] [--macos-min X.Y]
# Windows needs llvm-readobj (rustup component add llvm-tools).
set -euo pipefail

jar="${1:?usage: scripts/check-native-library.sh NATIVES_JAR PLATFORM [--glibc-floor X.Y] [--macos-min X.Y]}"
platform="${2:?platform, e.g. linux-x86_64}"
shift 2
glibc_floor=""
macos_min=""
while [ $# -gt 0 ]; do
  case "$1" in
    --glibc-floor) glibc_floor="$2"; shift 2 ;;
    --macos-min) macos_min="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$platform" in
  linux-*) lib=libcircuitsynth.so ;;
  osx-*) lib=libcircuitsynth.dylib ;;
  windows-*) lib=circuitsynth.dll ;;
  *) echo "unknown platform $platform" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
if command -v unzip >/dev/null 2>&1; then
  (cd "$work" && unzip -q "$jar" "natives/$platform/$lib")
else
  (cd "$work" && jar xf "$jar" "natives/$platform/$lib")
fi
file="$work/natives/$platform/$lib"

passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
oneline() { printf '%s' "$1" | tr '\n' ' '; }
bad() { echo "FAIL: $*"; failed=$((failed + 1)); }

# exports_only NAME...: every name is a JNI entry point, and the handshake's ones are there.
exports_only() {
  local names="$1" prefix="$2"
  local other
  other="$(printf '%s\n' "$names" | grep -v -e "^${prefix}Java_" -e "^${prefix}JNI_OnLoad\$" -e '^$' || true)"
  if [ -z "$other" ]; then ok "exports only JNI entry points ($(printf '%s\n' "$names" | grep -c .) symbols)"; else bad "exports more than JNI entry points: $(echo "$other" | head -5 | tr '\n' ' ')"; fi
  for needed in JNI_OnLoad Java_io_circuitsynth_natives_NativeBridge_abiVersion Java_io_circuitsynth_natives_NativeBridge_crateVersion; do
    if printf '%s\n' "$names" | grep -qx "$prefix$needed"; then ok "exports $needed"; else bad "does not export $needed"; fi
  done
}

case "$platform" in
  linux-*)
    machine="$(readelf -h "$file" | sed -n 's/^ *Machine: *//p')"
    case "$platform" in
      linux-x86_64) want="Advanced Micro Devices X86-64" ;;
      linux-aarch_64) want="AArch64" ;;
    esac
    if [ "$machine" = "$want" ]; then ok "ELF for $machine"; else bad "ELF for '$machine', not $want"; fi

    highest="$(readelf -V -W "$file" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)"
    if [ -n "$glibc_floor" ]; then
      if [ "$(printf '%s\n%s\n' "$highest" "$glibc_floor" | sort -V | tail -1)" = "$glibc_floor" ]; then
        ok "needs glibc $highest at most (floor $glibc_floor)"
      else
        bad "needs glibc $highest, above the floor $glibc_floor: $(objdump -T "$file" | grep -F "GLIBC_$highest" | awk '{print $NF}' | head -5 | tr '\n' ' ')"
      fi
    else
      echo "note: needs glibc $highest (no floor given)"
    fi

    # The C library and the libraries glibc split off from it; libgcc_s for unwinding.
    allowed='^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|librt\.so\.1|libgcc_s\.so\.1|ld-linux-x86-64\.so\.2|ld-linux-aarch64\.so\.1)$'
    needed="$(readelf -d -W "$file" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')"
    unexpected="$(printf '%s\n' "$needed" | grep -Ev "$allowed" | grep . || true)"
    if [ -z "$unexpected" ]; then ok "DT_NEEDED: $(oneline "$needed")"; else bad "unexpected DT_NEEDED: $(oneline "$unexpected")"; fi

    exports_only "$(nm -D --defined-only "$file" | awk '{print $NF}')" ""
    ;;
  osx-*)
    case "$platform" in
      osx-x86_64) arch=x86_64 ;;
      osx-aarch_64) arch=arm64 ;;
    esac
    archs="$(lipo -archs "$file" 2>/dev/null || lipo -info "$file")"
    if [ "$archs" = "$arch" ]; then ok "Mach-O for $arch"; else bad "Mach-O for '$archs', not $arch"; fi

    # LC_BUILD_VERSION (minos) from macOS 10.14 on, LC_VERSION_MIN_MACOSX (version) before.
    minos="$(otool -l "$file" | awk '/LC_BUILD_VERSION/ {b = 1} b && $1 == "minos" {print $2; exit}
                                  /LC_VERSION_MIN_MACOSX/ {m = 1} m && $1 == "version" {print $2; exit}')"
    if [ -n "$macos_min" ]; then
      if [ "$minos" = "$macos_min" ]; then ok "minimum macOS $minos"; else bad "minimum macOS '$minos', expected $macos_min"; fi
    else
      if [ -n "$minos" ]; then ok "minimum macOS $minos"; else bad "no minimum macOS version"; fi
    fi

    if codesign --verify --strict "$file" 2>"$work/codesign"; then ok "code signature verifies"; else bad "code signature: $(cat "$work/codesign")"; fi
    if codesign -d -v "$file" 2>&1 | grep -q 'Signature=adhoc'; then ok "ad-hoc signed"; else bad "not ad-hoc signed: $(codesign -d -v "$file" 2>&1 | tr '\n' ' ')"; fi

    # otool -L lists the library's own install name first, then what it links.
    deps="$(otool -L "$file" | tail -n +2 | awk '{print $1}' | grep -v 'libcircuitsynth\.dylib$' || true)"
    unexpected="$(printf '%s\n' "$deps" | grep -Ev '^/usr/lib/(libSystem\.B|libiconv\.2|libresolv\.9|libobjc\.A|libc\+\+\.1)\.dylib$' | grep . || true)"
    if [ -z "$unexpected" ]; then ok "links: $(oneline "$deps")"; else bad "links non-system libraries: $(oneline "$unexpected")"; fi

    exports_only "$(nm -gU "$file" | awk '{print $NF}')" "_"
    ;;
  windows-*)
    readobj="$(command -v llvm-readobj || true)"
    if [ -z "$readobj" ]; then
      readobj="$(find "$(rustc --print sysroot)" -name 'llvm-readobj*' -type f | head -1)"
    fi
    if [ -z "$readobj" ]; then
      bad "llvm-readobj not found (rustup component add llvm-tools)"
    else
      machine="$("$readobj" --file-headers "$file" | sed -n 's/^ *Machine: *//p' | head -1)"
      case "$machine" in *AMD64*) ok "PE for $machine" ;; *) bad "PE for '$machine', not AMD64" ;; esac
      exports_only "$("$readobj" --coff-exports "$file" | sed -n 's/^ *Name: *//p')" ""
      imports="$("$readobj" --coff-imports "$file" | sed -n 's/^ *Name: *\(.*\.dll\)$/\1/Ip' | sort -u)"
      crt="$(printf '%s\n' "$imports" | grep -Ei '^(vcruntime|msvcp|ucrtbase|api-ms-win-crt-|libgcc|libstdc|libwinpthread)' || true)"
      if [ -z "$crt" ]; then ok "imports: $(oneline "$imports")"; else bad "depends on a C runtime DLL: $(oneline "$crt")"; fi
    fi
    ;;
esac

# Reproducible bytes: nothing of the builder's home (CARGO_HOME is remapped by rust-crates/pom.xml).
for home in "${HOME:-}/" "${USERPROFILE:+$USERPROFILE\\}"; do
  if [ "${#home}" -gt 2 ]; then
    if LC_ALL=C grep -qF "$home" "$file"; then bad "the library contains the builder's home directory $home"; else ok "no trace of $home"; fi
  fi
done

echo "native-library: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
