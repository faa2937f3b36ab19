import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a Maven Central bundle, unpacked into a directory in repository layout, against what
 * this project publishes. Prints each failure, then {@code layout: N passed, N failed}, and exits
 * non-zero if anything failed.
 *
 * <p>Usage: {@code java scripts/CheckBundle.java REPO_DIR VERSION PLATFORM[,PLATFORM...]}, where the
 * platforms are the natives classifiers the bundle must hold (all five for a real release, the
 * build machine's own for a rehearsal).
 */
public final class CheckBundle {
    static final String GROUP_PATH = "io/circuitsynth";
    static final List<String> ALL_PLATFORMS =
            List.of("linux-x86_64", "linux-aarch_64", "osx-x86_64", "osx-aarch_64", "windows-x86_64");
    /** artifactId to packaging: every component the bundle must hold, and nothing else. */
    static final Map<String, String> COMPONENTS = new LinkedHashMap<>();

    static {
        COMPONENTS.put("circuitsynth-parent", "pom");
        COMPONENTS.put("circuitsynth-bom", "pom");
        COMPONENTS.put("circuitsynth-conformance", "jar");
        COMPONENTS.put("circuitsynth", "jar");
        COMPONENTS.put("circuitsynth-cli", "jar");
        COMPONENTS.put("circuitsynth-natives", "jar");
    }

    static final List<String> CHECKSUMS = List.of("md5", "sha1", "sha256", "sha512");

    private final Path repo;
    private final String version;
    private final List<String> platforms;
    private int passed;
    private final List<String> failures = new ArrayList<>();

    CheckBundle(Path repo, String version, List<String> platforms) {
        this.repo = repo;
        this.version = version;
        this.platforms = platforms;
        if (platforms.containsAll(ALL_PLATFORMS)) {
            // Only a release of every platform can hold the artifact that depends on all of them.
            COMPONENTS.put("circuitsynth-all", "pom");
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java scripts/CheckBundle.java REPO_DIR VERSION PLATFORM[,PLATFORM...]");
            System.exit(2);
        }
        CheckBundle check = new CheckBundle(Path.of(args[0]), args[1], List.of(args[2].split(",")));
        check.run();
        for (String failure : check.failures) {
            System.out.println("FAIL: " + failure);
        }
        System.out.println("layout: " + check.passed + " passed, " + check.failures.size() + " failed");
        System.exit(check.failures.isEmpty() ? 0 : 1);
    }

    void check(boolean ok, String what) {
        if (ok) {
            passed++;
        } else {
            failures.add(what);
        }
    }

    Path dir(String artifactId) {
        return repo.resolve(GROUP_PATH).resolve(artifactId).resolve(version);
    }

    String file(String artifactId, String classifier, String extension) {
        return artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + extension;
    }

    void run() throws Exception {
        Set<String> present = new TreeSet<>();
        try (Stream<Path> ids = Files.list(repo.resolve(GROUP_PATH))) {
            ids.forEach(p -> present.add(p.getFileName().toString()));
        }
        check(present.equals(new TreeSet<>(COMPONENTS.keySet())),
                "the bundle holds " + present + ", expected exactly " + new TreeSet<>(COMPONENTS.keySet()));
        for (String artifactId : COMPONENTS.keySet()) {
            if (Files.isDirectory(dir(artifactId))) {
                component(artifactId);
            }
        }
        natives();
        all();
        cli();
        library();
        bom();
    }

    /** The files of one component, their signatures and checksums, its pom's metadata. */
    void component(String artifactId) throws Exception {
        Path dir = dir(artifactId);
        boolean jar = COMPONENTS.get(artifactId).equals("jar");
        List<String> required = new ArrayList<>(List.of(file(artifactId, null, "pom")));
        if (!artifactId.equals("circuitsynth-bom")) {
            // Every module's SBOM; the parent's is the whole release's. The BOM has no dependencies.
            required.add(file(artifactId, "cyclonedx", "json"));
        }
        if (jar) {
            required.addAll(List.of(file(artifactId, null, "jar"), file(artifactId, "sources", "jar"),
                    file(artifactId, "javadoc", "jar")));
        }
        if (artifactId.equals("circuitsynth-natives")) {
            platforms.forEach(p -> required.add(file(artifactId, p, "jar")));
        }
        if (artifactId.equals("circuitsynth-cli")) {
            required.add(file(artifactId, "all", "jar"));
        }
        Set<String> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = new TreeSet<>();
        for (String name : required) {
            expected.add(name);
            expected.add(name + ".asc");
            // Checksums for the files and none for their signatures, as the Central plugin writes them.
            for (String sum : CHECKSUMS) {
                expected.add(name + "." + sum);
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(files);
        Set<String> extra = new TreeSet<>(files);
        extra.removeAll(expected);
        check(missing.isEmpty(), artifactId + " lacks " + missing);
        check(extra.isEmpty(), artifactId + " has unexpected files " + extra);
        for (String name : files) {
            for (String sum : CHECKSUMS) {
                String suffix = "." + sum;
                if (name.endsWith(suffix)) {
                    Path target = dir.resolve(name.substring(0, name.length() - suffix.length()));
                    if (Files.isRegularFile(target)) {
                        String recorded = Files.readString(dir.resolve(name), StandardCharsets.US_ASCII).trim();
                        check(recorded.equals(digest(sum, Files.readAllBytes(target))),
                                name + " does not match " + target.getFileName());
                    }
                }
            }
        }
        pom(artifactId, dir.resolve(file(artifactId, null, "pom")));
        if (artifactId.equals("circuitsynth-parent")) {
            Path sbom = dir.resolve(file(artifactId, "cyclonedx", "json"));
            if (Files.isRegularFile(sbom)) {
                String json = Files.readString(sbom);
                for (String published : List.of("circuitsynth", "circuitsynth-cli", "circuitsynth-conformance",
                        "circuitsynth-natives")) {
                    check(json.contains("\"pkg:maven/io.circuitsynth/" + published + "@" + version + "?type=jar\""),
                            sbom.getFileName() + " does not list " + published);
                }
                // circuitsynth-rust may appear: circuitsynth-natives names it as a provided (build order) dependency.
                check(!json.contains("pkg:maven/io.circuitsynth/circuitsynth-benchmarks@"), sbom.getFileName() + " lists the benchmarks");
            }
        }
        if (jar) {
            Path sbom = dir.resolve(file(artifactId, "cyclonedx", "json"));
            if (Files.isRegularFile(sbom)) {
                String json = Files.readString(sbom);
                check(json.matches("(?s).*\"bomFormat\"\\s*:\\s*\"CycloneDX\".*"), sbom.getFileName() + " is no CycloneDX BOM");
                check(json.contains("\"pkg:maven/io.circuitsynth/" + artifactId + "@" + version + "?type=jar\""),
                        sbom.getFileName() + " does not describe " + artifactId + " " + version);
            }
            Path javadoc = dir.resolve(file(artifactId, "javadoc", "jar"));
            Path sources = dir.resolve(file(artifactId, "sources", "jar"));
            if (Files.isRegularFile(javadoc) && Files.isRegularFile(sources)) {
                List<String> docs = entries(javadoc);
                List<String> srcs = entries(sources);
                switch (artifactId) {
                    case "circuitsynth":
                        check(docs.contains("index.html") && docs.stream().anyMatch(e -> e.endsWith("/io/circuitsynth/CircuitSynth.html")
                                && !e.contains("class-use")),
                                javadoc.getFileName() + " holds no API documentation");
                        check(srcs.contains("io/circuitsynth/CircuitSynth.java"), sources.getFileName() + " holds no Java sources");
                        break;
                    case "circuitsynth-cli":
                        check(docs.contains("index.html"), javadoc.getFileName() + " holds no API documentation");
                        check(srcs.stream().anyMatch(e -> e.startsWith("io/circuitsynth/cli/") && e.endsWith(".java")),
                                sources.getFileName() + " holds no Java sources");
                        break;
                    case "circuitsynth-natives":
                        check(docs.contains("README.txt"), javadoc.getFileName() + " holds no README");
                        check(srcs.containsAll(List.of("Cargo.toml", "Cargo.lock", "jni-bridge/src/lib.rs",
                                "jni-bridge/build.rs", "jni-bridge/link/exports.map")),
                                sources.getFileName() + " does not hold the Rust workspace: " + srcs);
                        check(srcs.stream().noneMatch(e -> e.startsWith("target/")), sources.getFileName() + " holds build output");
                        break;
                    case "circuitsynth-conformance":
                        check(docs.contains("README.txt"), javadoc.getFileName() + " holds no README");
                        check(srcs.contains("conformance/README.md"), sources.getFileName() + " does not hold the vectors");
                        break;
                    default:
                        check(false, "no content check for " + artifactId);
                }
            }
        }
    }

    /** The metadata Central requires, read from the pom or inherited from the parent in the bundle. */
    void pom(String artifactId, Path pom) throws Exception {
        if (!Files.isRegularFile(pom)) {
            return;
        }
        Element project = xml(pom);
        Element parent = null;
        Element parentRef = child(project, "parent");
        if (parentRef != null) {
            check(text(parentRef, "artifactId").equals("circuitsynth-parent") && text(parentRef, "version").equals(version),
                    pom.getFileName() + " has parent " + text(parentRef, "artifactId") + " " + text(parentRef, "version"));
            Path parentPom = dir("circuitsynth-parent").resolve(file("circuitsynth-parent", null, "pom"));
            parent = Files.isRegularFile(parentPom) ? xml(parentPom) : null;
        } else {
            check(text(project, "version").equals(version), pom.getFileName() + " has version " + text(project, "version"));
        }
        check(text(project, "artifactId").equals(artifactId), pom.getFileName() + " names " + text(project, "artifactId"));
        check(!text(project, "name").isEmpty(), pom.getFileName() + " has no name");
        check(!text(project, "description").isEmpty(), pom.getFileName() + " has no description");
        for (String path : List.of("url", "licenses/license/name", "licenses/license/url", "scm/url", "scm/connection",
                "developers/developer/name")) {
            String value = path(project, path);
            if (value.isEmpty() && parent != null) {
                value = path(parent, path);
            }
            check(!value.isEmpty(), pom.getFileName() + " has no " + path + " (nor inherits one)");
            if (path.equals("url") || path.equals("scm/url")) {
                check(value.equals("https://github.com/circuitsynth/circuitsynth-jvm"), pom.getFileName() + " " + path + " is " + value);
            }
        }
        check(!Files.readString(pom).contains("SNAPSHOT"), pom.getFileName() + " mentions a SNAPSHOT");
    }

    /** Each classifier jar holds its platform's library, the library's SHA-256, the right manifest. */
    void natives() throws Exception {
        for (String platform : platforms) {
            Path jar = dir("circuitsynth-natives").resolve(file("circuitsynth-natives", platform, "jar"));
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            String lib = platform.startsWith("windows") ? "circuitsynth.dll"
                    : platform.startsWith("osx") ? "libcircuitsynth.dylib" : "libcircuitsynth.so";
            String base = "natives/" + platform + "/";
            List<String> entries = entries(jar).stream().filter(e -> !e.startsWith("META-INF/maven/"))
                    .collect(Collectors.toList());
            check(entries.equals(List.of("META-INF/", "META-INF/MANIFEST.MF", "natives/", base, base + lib,
                    base + lib + ".sha256")), jar.getFileName() + " holds " + entries);
            try (JarFile j = new JarFile(jar.toFile())) {
                Attributes main = j.getManifest().getMainAttributes();
                check(platform.equals(main.getValue("CircuitSynth-Native-Platform")),
                        jar.getFileName() + " CircuitSynth-Native-Platform is " + main.getValue("CircuitSynth-Native-Platform"));
                check(lib.equals(main.getValue("CircuitSynth-Native-Library")),
                        jar.getFileName() + " CircuitSynth-Native-Library is " + main.getValue("CircuitSynth-Native-Library"));
                check(version.equals(main.getValue("Implementation-Version")),
                        jar.getFileName() + " Implementation-Version is " + main.getValue("Implementation-Version"));
                JarEntry library = j.getJarEntry(base + lib);
                JarEntry checksum = j.getJarEntry(base + lib + ".sha256");
                if (library != null && checksum != null) {
                    byte[] bytes = read(j, library);
                    String recorded = new String(read(j, checksum), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                    check(recorded.equals(digest("sha256", bytes)), jar.getFileName() + " " + lib + ".sha256 does not match");
                    check(binaryFor(platform, bytes), jar.getFileName() + " " + lib + " is not a " + platform + " library");
                }
            }
        }
    }

    /** circuitsynth-all depends on the library and on the natives of every platform. */
    void all() throws Exception {
        Path pom = dir("circuitsynth-all").resolve(file("circuitsynth-all", null, "pom"));
        if (!COMPONENTS.containsKey("circuitsynth-all") || !Files.isRegularFile(pom)) {
            return;
        }
        Set<String> deps = new TreeSet<>();
        Element dependencies = child(xml(pom), "dependencies");
        for (Node n = dependencies == null ? null : dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals("dependency")) {
                Element d = (Element) n;
                String classifier = text(d, "classifier");
                deps.add(text(d, "artifactId") + (classifier.isEmpty() ? "" : ":" + classifier));
            }
        }
        Set<String> expected = new TreeSet<>(List.of("circuitsynth"));
        ALL_PLATFORMS.forEach(p -> expected.add("circuitsynth-natives:" + p));
        check(deps.equals(expected), pom.getFileName() + " depends on " + deps + ", expected " + expected);
    }

    /** The shaded command-line jar runs and carries the natives of every platform in the bundle. */
    void cli() throws Exception {
        Path jar = dir("circuitsynth-cli").resolve(file("circuitsynth-cli", "all", "jar"));
        if (!Files.isRegularFile(jar)) {
            return;
        }
        List<String> entries = entries(jar);
        try (JarFile j = new JarFile(jar.toFile())) {
            check("io.circuitsynth.cli.Main".equals(j.getManifest().getMainAttributes().getValue("Main-Class")),
                    jar.getFileName() + " has no Main-Class io.circuitsynth.cli.Main");
        }
        for (String platform : platforms) {
            check(entries.stream().anyMatch(e -> e.startsWith("natives/" + platform + "/") && e.endsWith(".sha256")),
                    jar.getFileName() + " carries no natives for " + platform);
        }
    }

    /** The library jar says its version where CircuitSynth.version() and module systems read it. */
    void library() throws Exception {
        Path jar = dir("circuitsynth").resolve(file("circuitsynth", null, "jar"));
        if (!Files.isRegularFile(jar)) {
            return;
        }
        try (JarFile j = new JarFile(jar.toFile())) {
            Attributes main = j.getManifest().getMainAttributes();
            check(version.equals(main.getValue("Implementation-Version")), jar.getFileName() + " Implementation-Version is "
                    + main.getValue("Implementation-Version"));
            check("io.circuitsynth".equals(main.getValue("Automatic-Module-Name")), jar.getFileName() + " Automatic-Module-Name is "
                    + main.getValue("Automatic-Module-Name"));
        }
    }

    /** The BOM manages every published jar, each natives classifier of every platform, at this version. */
    void bom() throws Exception {
        Path pom = dir("circuitsynth-bom").resolve(file("circuitsynth-bom", null, "pom"));
        if (!Files.isRegularFile(pom)) {
            return;
        }
        Element project = xml(pom);
        Set<String> managed = new TreeSet<>();
        Element management = child(project, "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        for (Node n = dependencies == null ? null : dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals("dependency")) {
                Element d = (Element) n;
                String v = text(d, "version").replace("${project.version}", text(project, "version"));
                check(text(d, "groupId").equals("io.circuitsynth") && v.equals(version),
                        "the BOM manages " + text(d, "groupId") + ":" + text(d, "artifactId") + " at " + v);
                String classifier = text(d, "classifier");
                managed.add(text(d, "artifactId") + (classifier.isEmpty() ? "" : ":" + classifier));
            }
        }
        Set<String> expected = new TreeSet<>(List.of("circuitsynth", "circuitsynth-cli", "circuitsynth-conformance",
                "circuitsynth-all"));
        ALL_PLATFORMS.forEach(p -> expected.add("circuitsynth-natives:" + p));
        check(managed.equals(expected), "the BOM manages " + managed + ", expected " + expected);
    }

    static boolean binaryFor(String platform, byte[] b) {
        if (b.length < 64) {
            return false;
        }
        if (platform.startsWith("linux")) {
            // ELF, 64-bit, little-endian, shared object; e_machine 62 (x86-64) or 183 (AArch64).
            int machine = (b[18] & 0xff) | (b[19] & 0xff) << 8;
            int type = (b[16] & 0xff) | (b[17] & 0xff) << 8;
            return b[0] == 0x7f && b[1] == 'E' && b[2] == 'L' && b[3] == 'F' && b[4] == 2 && b[5] == 1 && type == 3
                    && machine == (platform.endsWith("aarch_64") ? 183 : 62);
        }
        if (platform.startsWith("osx")) {
            // Mach-O 64-bit (0xfeedfacf little-endian), CPU type x86_64 0x01000007 or arm64 0x0100000c, MH_DYLIB.
            int magic = le32(b, 0);
            int cpu = le32(b, 4);
            int fileType = le32(b, 12);
            return magic == 0xfeedfacf && fileType == 6 && cpu == (platform.endsWith("aarch_64") ? 0x0100000c : 0x01000007);
        }
        // PE: "MZ", then at e_lfanew "PE\0\0" and machine 0x8664.
        int pe = le32(b, 0x3c);
        return b[0] == 'M' && b[1] == 'Z' && pe > 0 && pe + 6 < b.length && b[pe] == 'P' && b[pe + 1] == 'E'
                && (le32(b, pe + 4) & 0xffff) == 0x8664;
    }

    static int le32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    static List<String> entries(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = Collections.list(j.entries()).stream().map(JarEntry::getName).sorted()
                    .collect(Collectors.toList());
            return names;
        }
    }

    static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    static String digest(String algorithm, byte[] bytes) throws NoSuchAlgorithmException {
        String name = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256", "sha512", "SHA-512").get(algorithm);
        return HexFormat.of().formatHex(MessageDigest.getInstance(name).digest(bytes));
    }

    static Element xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        return doc.getDocumentElement();
    }

    static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && ((Element) n).getTagName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }

    static String path(Element root, String path) {
        Element e = root;
        for (String step : path.split("/")) {
            e = e == null ? null : child(e, step);
        }
        return e == null ? "" : e.getTextContent().trim();
    }
}
