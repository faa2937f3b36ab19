import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The two Central Portal endpoints central-publishing-maven-plugin calls, on loopback, so a
 * release rehearsal runs the plugin's real upload path without reaching Maven Central: the
 * uploaded bundle is saved for the checks, and every deployment reports VALIDATED.
 *
 * <p>Usage: {@code java scripts/FakeCentralPortal.java PORT_FILE OUT_DIR EXPECTED_USER:PASSWORD}.
 * Writes the port it listens on to PORT_FILE, then serves until killed. Each upload becomes
 * OUT_DIR/central-bundle.zip plus OUT_DIR/upload.txt (deployment name, publishing type, size);
 * a request whose token is not EXPECTED_USER:PASSWORD gets 401, as the Portal would answer.
 */
public final class FakeCentralPortal {
    private FakeCentralPortal() {}

    public static void main(String[] args) throws IOException {
        Path portFile = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        String expectedToken = Base64.getEncoder().encodeToString(args[2].getBytes(StandardCharsets.UTF_8));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/publisher/upload", exchange -> {
            if (!authorized(exchange, expectedToken)) {
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            byte[] bundle = part(body, type, "bundle");
            if (bundle == null) {
                respond(exchange, 400, "no multipart part named bundle");
                return;
            }
            Path temp = Files.write(out.resolve("central-bundle.zip.part"), bundle);
            Files.move(temp, out.resolve("central-bundle.zip"), StandardCopyOption.REPLACE_EXISTING);
            Map<String, String> query = query(exchange);
            Files.writeString(out.resolve("upload.txt"), "name=" + query.get("name") + "\npublishingType="
                    + query.get("publishingType") + "\nbytes=" + bundle.length + "\n");
            respond(exchange, 201, "rehearsal-deployment-1");
        });
        server.createContext("/api/v1/publisher/status", exchange -> {
            if (!authorized(exchange, expectedToken)) {
                return;
            }
            String id = query(exchange).get("id");
            respond(exchange, 200, "{\"deploymentId\":\"" + id + "\",\"deploymentName\":\"rehearsal\","
                    + "\"deploymentState\":\"VALIDATED\",\"purls\":[],\"errors\":{}}");
        });
        server.start();
        Path temp = Files.writeString(portFile.resolveSibling(portFile.getFileName() + ".part"),
                Integer.toString(server.getAddress().getPort()));
        Files.move(temp, portFile, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The Portal takes the user token as base64(user:password), after "Bearer" or "UserToken". */
    private static boolean authorized(HttpExchange exchange, String expectedToken) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (("Bearer " + expectedToken).equals(auth) || ("UserToken " + expectedToken).equals(auth)) {
            return true;
        }
        // Read the body first: closing on a client still sending reads as a reset, not a 401.
        exchange.getRequestBody().readAllBytes();
        respond(exchange, 401, "expected the user token, got " + (auth == null ? "no Authorization header"
                : "Authorization: " + auth.split(" ")[0] + " with another value"));
        return false;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                values.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** The bytes of the multipart/form-data part named {@code name}, or null. */
    static byte[] part(byte[] body, String contentType, String name) {
        if (contentType == null || !contentType.contains("boundary=")) {
            return null;
        }
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length()).replace("\"", "");
        int semicolon = boundary.indexOf(';');
        if (semicolon >= 0) {
            boundary = boundary.substring(0, semicolon);
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                return null;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                return null;
            }
            if (headers.contains("name=\"" + name + "\"")) {
                return Arrays.copyOfRange(body, headersEnd + 4, next);
            }
            at = next + 2;
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "text/plain");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
