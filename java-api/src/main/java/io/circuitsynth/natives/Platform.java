package io.circuitsynth.natives;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The platform key under which the natives jars store the library, {@code <os>-<arch>} in the
 * os-maven-plugin vocabulary ({@code linux-x86_64}, {@code osx-aarch_64},
 * {@code windows-x86_64}), so it matches the classifier a build wrote with
 * {@code ${os.detected.classifier}}. A pure function of {@code os.name} and {@code os.arch}.
 */
final class Platform {
    static final String UNKNOWN = "unknown";

    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern X86_64 = Pattern.compile("x8664|amd64|ia32e|em64t|x64");
    private static final Pattern X86_32 = Pattern.compile("x8632|x86|i[3-6]86|ia32|x32");
    private static final Pattern ARM_32 = Pattern.compile("arm|arm32");
    private static final Pattern AARCH_64 = Pattern.compile("aarch64|arm64");

    private final String os;
    private final String arch;
    private final String origin;

    private Platform(String os, String arch, String origin) {
        this.os = os;
        this.arch = arch;
        this.origin = origin;
    }

    /** The platform of {@code settings}: {@code circuitsynth.platform} if set, else derived. */
    static Platform detect(Settings settings) {
        String override = Configuration.PLATFORM.get(settings);
        if (override != null) {
            return fromKey(override);
        }
        return of(settings.property("os.name"), settings.property("os.arch"));
    }

    static Platform of(String osName, String osArch) {
        return new Platform(
                normalizeOs(osName), normalizeArch(osArch), "os.name=" + osName + ", os.arch=" + osArch);
    }

    static Platform fromKey(String key) {
        String origin = Configuration.PLATFORM.property() + "=" + key;
        int dash = key.indexOf('-');
        if (dash <= 0 || dash == key.length() - 1) {
            return new Platform(UNKNOWN, UNKNOWN, origin);
        }
        return new Platform(key.substring(0, dash), key.substring(dash + 1), origin);
    }

    static String normalizeOs(String osName) {
        String v = normalize(osName);
        if (v.startsWith("aix")) {
            return "aix";
        }
        if (v.startsWith("hpux")) {
            return "hpux";
        }
        // "os400" but not a longer name that merely starts with it, e.g. "os4000".
        if (v.startsWith("os400") && (v.length() == 5 || !Character.isDigit(v.charAt(5)))) {
            return "os400";
        }
        if (v.startsWith("linux")) {
            return "linux";
        }
        if (v.startsWith("macosx") || v.startsWith("osx") || v.startsWith("darwin")) {
            return "osx";
        }
        if (v.startsWith("freebsd")) {
            return "freebsd";
        }
        if (v.startsWith("openbsd")) {
            return "openbsd";
        }
        if (v.startsWith("netbsd")) {
            return "netbsd";
        }
        if (v.startsWith("solaris") || v.startsWith("sunos")) {
            return "sunos";
        }
        if (v.startsWith("windows")) {
            return "windows";
        }
        if (v.startsWith("zos")) {
            return "zos";
        }
        return UNKNOWN;
    }

    static String normalizeArch(String osArch) {
        String v = normalize(osArch);
        if (X86_64.matcher(v).matches()) {
            return "x86_64";
        }
        if (X86_32.matcher(v).matches()) {
            return "x86_32";
        }
        if (AARCH_64.matcher(v).matches()) {
            return "aarch_64";
        }
        if (ARM_32.matcher(v).matches()) {
            return "arm_32";
        }
        switch (v) {
            case "ia64":
            case "ia64w":
            case "itanium64":
                return "itanium_64";
            case "ia64n":
                return "itanium_32";
            case "sparc":
            case "sparc32":
                return "sparc_32";
            case "sparcv9":
            case "sparc64":
                return "sparc_64";
            case "mips":
            case "mips32":
                return "mips_32";
            case "mipsel":
            case "mips32el":
                return "mipsel_32";
            case "mips64":
                return "mips_64";
            case "mips64el":
                return "mipsel_64";
            case "ppc":
            case "ppc32":
                return "ppc_32";
            case "ppcle":
            case "ppc32le":
                return "ppcle_32";
            case "ppc64":
                return "ppc_64";
            case "ppc64le":
                return "ppcle_64";
            case "s390":
                return "s390_32";
            case "s390x":
                return "s390_64";
            case "riscv":
            case "riscv32":
                return "riscv";
            case "riscv64":
                return "riscv64";
            case "e2k":
                return "e2k";
            case "loongarch64":
                return "loongarch_64";
            default:
                return UNKNOWN;
        }
    }

    private static String normalize(String value) {
        return value == null ? "" : NON_ALNUM.matcher(value.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    String os() {
        return os;
    }

    String arch() {
        return arch;
    }

    /** {@code <os>-<arch>}, the classifier and resource directory of this platform's natives. */
    String key() {
        return os + "-" + arch;
    }

    boolean isKnown() {
        return !UNKNOWN.equals(os) && !UNKNOWN.equals(arch);
    }

    /** The file name the native library has on this platform. */
    String libraryName() {
        switch (os) {
            case "windows":
                return "circuitsynth.dll";
            case "osx":
                return "libcircuitsynth.dylib";
            default:
                return "libcircuitsynth.so";
        }
    }

    /** Where the key came from, for messages: the raw os.name/os.arch or the override. */
    String origin() {
        return origin;
    }

    @Override
    public String toString() {
        return key();
    }
}
