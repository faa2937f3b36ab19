package io.circuitsynth.natives;

import io.circuitsynth.CircuitSynth;
import io.circuitsynth.CircuitSynthException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds, extracts, loads and checks the native library. {@link #load()} never throws: every
 * outcome is a {@link NativeStatus}, and the engine selection decides whether a failure is fatal.
 *
 * <p>Order: an explicit file ({@code circuitsynth.native.path}) is loaded as is. Otherwise the
 * resource {@code natives/<platform>/<libname>} is verified against its {@code .sha256} and
 * extracted into the first directory that works: the override
 * ({@code circuitsynth.native.extractDir}), the per-user cache, then
 * {@code java.io.tmpdir/circuitsynth-<user>}, each under {@code <version>-<sha256 prefix>/<platform>/}.
 * A directory that refuses execution (noexec) moves on to the next one. After
 * {@code System.load} the library's ABI and crate version must match this jar's.
 */
final class NativeLoader {
    private static final Logger LOG = LoggerFactory.getLogger(NativeLoader.class);

    private static final String REMEDY_EXEC = "set " + Configuration.EXTRACT_DIR.property()
            + " to a directory that allows execution, or " + Configuration.NATIVE_PATH.property()
            + " to an already extracted library";

    private final Settings settings;
    private final int expectedAbi;
    private final Predicate<Path> executable;
    private final List<ClassLoader> loaders;
    private final String libraryVersion;
    private final Supplier<String> muslLoader;

    /** Test hook: everything the loader depends on, injectable; this process's own libc. */
    NativeLoader(Settings settings, int expectedAbi, Predicate<Path> executable, List<ClassLoader> loaders,
            String libraryVersion) {
        this(settings, expectedAbi, executable, loaders, libraryVersion, Libc::muslLoaderOfThisProcess);
    }

    /**
     * Test hook with the libc probe injected too.
     *
     * @param muslLoader the path of the musl loader mapped into this process, or null on glibc
     */
    NativeLoader(Settings settings, int expectedAbi, Predicate<Path> executable, List<ClassLoader> loaders,
            String libraryVersion, Supplier<String> muslLoader) {
        this.settings = settings;
        this.expectedAbi = expectedAbi;
        this.executable = executable;
        this.loaders = List.copyOf(loaders);
        this.libraryVersion = libraryVersion;
        this.muslLoader = muslLoader;
    }

    /** The loader of a running application: real properties, real ABI, real class loaders. */
    static NativeLoader system() {
        return new NativeLoader(Settings.system(), NativeBridge.ABI_VERSION, Files::isExecutable,
                defaultLoaders(), CircuitSynth.version());
    }

    static List<ClassLoader> defaultLoaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        // Own loader first: System.load ties the library to it. The context loader helps where
        // the natives jar sits in a child loader (application servers, plugin hosts).
        ClassLoader own = NativeLoader.class.getClassLoader();
        if (own != null) {
            loaders.add(own);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != own) {
            loaders.add(context);
        }
        if (loaders.isEmpty()) {
            loaders.add(ClassLoader.getSystemClassLoader());
        }
        return loaders;
    }

    NativeStatus load() {
        Configuration.logResolved(LOG, settings);
        Platform platform;
        try {
            platform = Platform.detect(settings);
        } catch (CircuitSynthException e) {
            return failed("?", new LoadFailure(e.getMessage(), e));
        }
        if (!platform.isKnown()) {
            return failed(platform.key(), new LoadFailure("unknown platform (" + platform.origin() + " normalize to "
                    + platform.key() + "): no native library is built for it. If it is another name for a"
                    + " supported platform, set " + Configuration.PLATFORM.property() + " (e.g. linux-x86_64)")
                    .quiet());
        }
        try {
            Path explicit = Configuration.NATIVE_PATH.get(settings);
            List<Throwable> detours = new ArrayList<>();
            String source;
            Path file;
            if (explicit != null) {
                file = loadExplicit(explicit);
                source = Configuration.NATIVE_PATH.property();
            } else {
                LoadFailure musl = muslFailure(platform);
                if (musl != null) {
                    return failed(platform.key(), musl);
                }
                NativeResource resource = NativeResource.find(platform, loaders);
                file = extractAndLoad(platform, resource, detours);
                source = resource.location();
            }
            return handshake(platform, file, source, detours);
        } catch (LoadFailure e) {
            return failed(platform.key(), e);
        } catch (CircuitSynthException e) {
            return failed(platform.key(), new LoadFailure(e.getMessage(), e));
        } catch (RuntimeException | LinkageError e) {
            // Anything else would surface as ExceptionInInitializerError from Natives and then as
            // NoClassDefFoundError on every later call, hiding the cause; report it instead.
            return failed(platform.key(), new LoadFailure("unexpected failure while loading the native library: "
                    + e + "; please report it with this stack trace", e));
        }
    }

    /**
     * On a musl Linux (Alpine), why the shipped natives are not tried; null elsewhere. Quiet when
     * no natives jar is on the class path, as for any Java-only deployment.
     */
    private LoadFailure muslFailure(Platform platform) {
        if (!"linux".equals(platform.os())) {
            return null;
        }
        String musl = muslLoader.get();
        if (musl == null) {
            return null;
        }
        LoadFailure failure = new LoadFailure("this JVM runs on musl libc (" + musl + " is mapped: Alpine"
                + " Linux?) and the circuitsynth-natives libraries for Linux are built for glibc, so none is"
                + " loaded; the Java engine gives the same results. To use a library built for musl, set "
                + Configuration.NATIVE_PATH.property() + " to it");
        return NativeResource.nativesJars(loaders).isEmpty() ? failure.quiet() : failure;
    }

    /** An extraction directory and the topmost directory above it that CircuitSynth owns. */
    private record Candidate(Path privateRoot, Path dir) {}

    private Path loadExplicit(Path explicit) throws LoadFailure {
        Path file = explicit.toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new LoadFailure(Configuration.NATIVE_PATH.property() + "=" + explicit
                    + " is not a file; point it at the circuitsynth native library or unset it");
        }
        try {
            systemLoad(file);
        } catch (UnsatisfiedLinkError e) {
            throw new LoadFailure("System.load(" + file + ") failed: " + e.getMessage()
                    + "; check that it is the circuitsynth library for this platform", e);
        }
        return file;
    }

    private Path extractAndLoad(Platform platform, NativeResource resource, List<Throwable> detours)
            throws LoadFailure {
        String versioned = libraryVersion + "-" + resource.sha256().substring(0, 12);
        List<Candidate> candidates = new ArrayList<>();
        Path override = Configuration.EXTRACT_DIR.get(settings);
        if (override != null) {
            // The override itself may be shared on purpose; only what is created inside is private.
            Path root = override.toAbsolutePath().resolve(versioned);
            candidates.add(new Candidate(root, root.resolve(platform.key())));
        }
        Path cache = userCacheDir(platform);
        if (cache != null) {
            Path root = cache.resolve("circuitsynth");
            candidates.add(new Candidate(root, root.resolve("natives").resolve(versioned).resolve(platform.key())));
        }
        String tmp = settings.property("java.io.tmpdir");
        if (tmp != null) {
            Path root = Path.of(tmp).toAbsolutePath().resolve("circuitsynth-" + userName());
            candidates.add(new Candidate(root, root.resolve(versioned).resolve(platform.key())));
        }
        List<LoadFailure> attempts = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Path dir = candidate.dir();
            Path file;
            try {
                file = Extractor.extract(resource, candidate.privateRoot(), dir);
            } catch (IOException | RuntimeException e) {
                attempts.add(new LoadFailure("could not extract to " + dir + ": " + e, e));
                continue;
            }
            if (!executable.test(file)) {
                attempts.add(new LoadFailure(dir + " does not allow executing " + file.getFileName()
                        + " (mounted noexec?)"));
                continue;
            }
            try {
                systemLoad(file);
            } catch (UnsatisfiedLinkError e) {
                if (refusedExecution(e)) {
                    attempts.add(new LoadFailure(dir + " refused to map " + file.getFileName()
                            + " for execution (mounted noexec?): " + e.getMessage(), e));
                    continue;
                }
                if (String.valueOf(e.getMessage()).contains("already loaded in another classloader")) {
                    // The JNI specification allows a native library in one class loader per JVM; a
                    // second copy of CircuitSynth in this JVM gets the Java engine, and the reason.
                    LoadFailure failure = new LoadFailure(file + " is already loaded by another class loader in"
                            + " this JVM, and JNI allows a native library in one class loader only; load"
                            + " CircuitSynth (circuitsynth and circuitsynth-natives jars) from a class loader"
                            + " shared by all its users, e.g. the application server's common lib directory", e);
                    attempts.forEach(failure::addSuppressed);
                    throw failure;
                }
                // Not the directory's fault (wrong architecture, missing system library): another
                // directory would fail the same way.
                LoadFailure failure = new LoadFailure("System.load(" + file + ") failed: " + e.getMessage()
                        + "; the library in " + resource.location() + " does not work in this JVM. Check"
                        + " that the jar's classifier matches this platform (" + platform.key()
                        + ") and that only one class loader loads CircuitSynth", e);
                attempts.forEach(failure::addSuppressed);
                throw failure;
            }
            detours.addAll(attempts);
            return file;
        }
        StringBuilder story = new StringBuilder("could not extract and load ").append(resource.libraryName())
                .append(" from ").append(resource.location()).append(':');
        for (LoadFailure attempt : attempts) {
            story.append("\n  - ").append(attempt.getMessage());
        }
        if (candidates.isEmpty()) {
            story.append("\n  - no candidate directory (no cache directory and no java.io.tmpdir)");
        }
        story.append("\nRemedy: ").append(REMEDY_EXEC);
        LoadFailure failure = new LoadFailure(story.toString());
        attempts.forEach(failure::addSuppressed);
        throw failure;
    }

    private NativeStatus handshake(Platform platform, Path file, String source, List<Throwable> detours) {
        int abi;
        String crateVersion;
        try {
            abi = NativeBridge.abiVersion();
            crateVersion = NativeBridge.crateVersion();
        } catch (UnsatisfiedLinkError | NativeEngineException e) {
            LoadFailure failure = new LoadFailure(file + " loaded but does not answer the handshake ("
                    + e + "); it is not a circuitsynth library of this version", e);
            return failed(platform.key(), failure);
        }
        String expectedVersion = stripSnapshot(libraryVersion);
        String problem = null;
        if (abi != expectedAbi) {
            problem = "ABI mismatch: " + file + " (from " + source + ") has native ABI " + abi + " but this"
                    + " circuitsynth jar needs ABI " + expectedAbi;
        } else if (!expectedVersion.equals(crateVersion)) {
            problem = "version mismatch: " + file + " (from " + source + ") is circuitsynth native "
                    + crateVersion + " but this circuitsynth jar is " + libraryVersion;
        }
        if (problem != null) {
            String reason = problem + "; use io.circuitsynth:circuitsynth-natives of the same version as"
                    + " io.circuitsynth:circuitsynth (" + libraryVersion + ")";
            LoadFailure failure = new LoadFailure(reason);
            detours.forEach(failure::addSuppressed);
            LOG.warn("Native engine unusable, Java engine only: {}", reason);
            return new NativeStatus(false, reason, platform.key(), file.toString(), crateVersion, abi,
                    asException(failure));
        }
        StringBuilder reason = new StringBuilder("loaded ").append(file).append(" from ").append(source);
        if (!detours.isEmpty()) {
            reason.append(" after");
            for (Throwable detour : detours) {
                reason.append(' ').append(detour.getMessage()).append(';');
            }
            reason.setLength(reason.length() - 1);
            LOG.warn("Native library extracted to {} only after: {}; to skip those attempts, {}", file.getParent(),
                    detours.stream().map(Throwable::getMessage).reduce((a, b) -> a + "; " + b).orElse(""),
                    REMEDY_EXEC);
        }
        return new NativeStatus(true, reason.toString(), platform.key(), file.toString(), crateVersion, abi, null);
    }

    private NativeStatus failed(String platform, LoadFailure failure) {
        if (!failure.isQuiet()) {
            LOG.warn("Native engine unusable, Java engine only: {}", failure.getMessage());
        } else {
            LOG.debug("Native engine unavailable: {}", failure.getMessage());
        }
        return new NativeStatus(false, failure.getMessage(), platform, null, null, -1, asException(failure));
    }

    private static CircuitSynthException asException(LoadFailure failure) {
        CircuitSynthException e = new CircuitSynthException(failure.getMessage(), failure.getCause());
        for (Throwable suppressed : failure.getSuppressed()) {
            e.addSuppressed(suppressed);
        }
        return e;
    }

    /** glibc says "failed to map segment from shared object", musl and macOS "Operation not permitted". */
    static boolean refusedExecution(UnsatisfiedLinkError e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("failed to map segment") || message.contains("operation not permitted")
                || message.contains("permission denied");
    }

    private void systemLoad(Path file) {
        // Called here, not through a helper class: System.load binds the library to the class
        // loader of its caller, which must be the one that defined NativeBridge.
        System.load(file.toAbsolutePath().toString());
    }

    private Path userCacheDir(Platform platform) {
        String home = settings.property("user.home");
        Path homeDir = home == null || home.isEmpty() || "?".equals(home) ? null : Path.of(home);
        switch (platform.os()) {
            case "windows": {
                String local = settings.env("LOCALAPPDATA");
                if (local != null && !local.isBlank()) {
                    return Path.of(local);
                }
                return homeDir == null ? null : homeDir.resolve("AppData").resolve("Local");
            }
            case "osx":
                return homeDir == null ? null : homeDir.resolve("Library").resolve("Caches");
            default: {
                String xdg = settings.env("XDG_CACHE_HOME");
                // The XDG spec says relative values are invalid and must be ignored.
                if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
                    return Path.of(xdg);
                }
                return homeDir == null ? null : homeDir.resolve(".cache");
            }
        }
    }

    private String userName() {
        String user = settings.property("user.name");
        String safe = user == null ? "" : user.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "user" : safe;
    }

    static String stripSnapshot(String version) {
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }
}
