import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.server.configuration.ServerSettings;

/**
 * Starts a real Neo4j Community server (the test harness, in process) for pftz-graph's tests.
 *
 * <p>Run as {@code java -cp 'tools/neo4j/lib/*' tools/neo4j/Launcher.java DATA_DIR}. Bolt and HTTP listen
 * on 127.0.0.1 only (ports from NEO4J_BOLT_PORT / NEO4J_HTTP_PORT, default 7687 / 7474), auth is on
 * for user neo4j with the password from NEO4J_PASSWORD. Prints one {@code NEO4J READY} line, then
 * blocks until the process is killed; a shutdown hook closes the server and deletes its data.
 * With NEO4J_KEEP_DATA=1 it starts from the store a killed server left in DATA_DIR (after recovery).
 *
 * <p>Neo4j Browser is ready on connect: a small HTTP server in this process serves the project's Browser
 * style and guide (the files {@code neo4j-browser.grass} and {@code neo4j-guide.html} of
 * NEO4J_BROWSER_ASSETS, default {@code docs}; nothing else) on 127.0.0.1 at a free port (NEO4J_ASSETS_PORT
 * to choose one), and the server's {@code browser.post_connect_cmd} makes the Browser load that style and
 * open that guide after it connects, with 127.0.0.1 allowed as a remote-content host.
 */
public final class Launcher {
    /** The files the {@code /pftz} extension serves, and their content types; nothing else is served. */
    static final Map<String, String> ASSETS =
            Map.of("neo4j-browser.grass", "text/plain; charset=utf-8", "neo4j-guide.html", "text/html; charset=utf-8");

    /**
     * The Content-Security-Policy of the Browser's pages: scripts, styles, fonts and images from this server only,
     * connections to 127.0.0.1 (the asset server) and Bolt over WebSocket to any host a user types into the connect
     * form, nothing else. Neo4j 5 declares no {@code browser.allow_outgoing_connections} (its strict config refuses
     * the name), so the Browser's web fonts, analytics and feedback calls are refused here, before they leave.
     */
    static final String BROWSER_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; img-src 'self' data: http://127.0.0.1:*; base-uri 'none'; object-src 'none'; "
            + "frame-ancestors 'none'; connect-src 'self' http://127.0.0.1:* ws: wss:";

    /** Serves {@link #ASSETS} from {@code dir}; any other path is 404. */
    static HttpServer serveAssets(Path dir, int port) throws java.io.IOException {
        HttpServer http = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/pftz/", (HttpExchange ex) -> {
            String name = ex.getRequestURI().getPath().substring("/pftz/".length());
            String type = ASSETS.get(name);
            Path file = dir.resolve(name);
            byte[] body = type != null && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            ex.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            ex.getResponseHeaders().add("Cache-Control", "no-cache");
            if ("OPTIONS".equals(ex.getRequestMethod())) {
                // The Browser fetches guides with no-cache headers, so it asks first (a CORS preflight).
                String asked = ex.getRequestHeaders().getFirst("Access-Control-Request-Headers");
                ex.getResponseHeaders().add("Access-Control-Allow-Methods", "GET, OPTIONS");
                ex.getResponseHeaders().add("Access-Control-Allow-Headers", asked == null ? "*" : asked);
                ex.sendResponseHeaders(204, -1);
            } else if (body == null || !"GET".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.getResponseHeaders().add("Content-Type", type);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        http.start();
        return http;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "tools/neo4j/run/data").toAbsolutePath();
        int boltPort = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        int httpPort = Integer.parseInt(env("NEO4J_HTTP_PORT", "7474"));
        String password = env("NEO4J_PASSWORD", "pftz-test-password");
        HttpServer assetServer = serveAssets(
                Path.of(env("NEO4J_BROWSER_ASSETS", "docs")).toAbsolutePath(),
                Integer.parseInt(env("NEO4J_ASSETS_PORT", "0")));
        String assets = "http://127.0.0.1:" + assetServer.getAddress().getPort() + "/pftz/";

        Files.createDirectories(dir);
        List<Path> leftovers;
        try (var found = Files.list(dir)) {
            leftovers = found.filter(Files::isDirectory).toList();
        }
        boolean reuse = "1".equals(System.getenv("NEO4J_KEEP_DATA")) && leftovers.size() == 1;

        var builder = Neo4jBuilders.newInProcessBuilder(dir);
        if (reuse) {
            builder = builder.copyFrom(leftovers.get(0));
        }
        Neo4j server = builder
                // Advertise the address and ports this server really listens on: the discovery endpoint
                // (bolt_direct, bolt_routing) and so the Browser's connect form name them, not 7687.
                .withConfig(GraphDatabaseSettings.default_advertised_address, new SocketAddress("127.0.0.1"))
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(HttpConnector.advertised_address, new SocketAddress("127.0.0.1", httpPort))
                // A research tool's server reports nothing: no usage data, no product analytics from the Browser.
                .withConfig(GraphDatabaseSettings.udc_enabled, false)
                .withConfig(ServerSettings.allow_telemetry, false)
                .withConfig(ServerSettings.http_static_content_security_policy, BROWSER_CSP)
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                // The tests try wrong passwords on purpose; a lock-out would fail the tests after them.
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                // Browser ready on connect: the project's style and the guide to the named queries.
                .withConfig(ServerSettings.browser_remote_content_hostname_whitelist, "127.0.0.1")
                .withConfig(
                        ServerSettings.browser_post_connect_cmd,
                        "style " + assets + "neo4j-browser.grass; guide " + assets + "neo4j-guide.html")
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            assetServer.stop(0);
            server.close();
        }, "neo4j-shutdown"));

        // The embedded API runs with full rights, so it can replace the initial password
        // (neo4j/neo4j, change required) without going through Bolt.
        try {
            server.databaseManagementService()
                    .database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                    .executeTransactionally(
                            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            if (!reuse) {
                throw e;
            }
            System.err.println("kept store: password not changed: " + e.getMessage());
        }
        if (reuse) {
            org.neo4j.io.fs.FileUtils.deleteDirectory(leftovers.get(0));
        }

        System.out.println("NEO4J READY " + server.boltURI() + " " + server.httpURI() + " " + dir + " " + assets);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
