import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * Starts a real Neo4j Community server (the test harness, in process) for pftz-graph's tests.
 *
 * <p>Run as {@code java -cp 'tools/neo4j/lib/*' tools/neo4j/Launcher.java DATA_DIR}. Bolt and HTTP listen
 * on 127.0.0.1 only (ports from NEO4J_BOLT_PORT / NEO4J_HTTP_PORT, default 7687 / 7474), auth is on
 * for user neo4j with the password from NEO4J_PASSWORD. Prints one {@code NEO4J READY} line, then
 * blocks until the process is killed; a shutdown hook closes the server and deletes its data.
 * With NEO4J_KEEP_DATA=1 it starts from the store a killed server left in DATA_DIR (after recovery).
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "tools/neo4j/run/data").toAbsolutePath();
        int boltPort = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        int httpPort = Integer.parseInt(env("NEO4J_HTTP_PORT", "7474"));
        String password = env("NEO4J_PASSWORD", "pftz-test-password");

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
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .withConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .withConfig(HttpConnector.enabled, true)
                .withConfig(HttpConnector.listen_address, new SocketAddress("127.0.0.1", httpPort))
                .withConfig(GraphDatabaseSettings.auth_enabled, true)
                // The tests try wrong passwords on purpose; a lock-out would fail the tests after them.
                .withConfig(GraphDatabaseSettings.auth_max_failed_attempts, 0)
                .withConfig(GraphDatabaseSettings.pagecache_memory, 256L * 1024 * 1024)
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "neo4j-shutdown"));

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

        System.out.println("NEO4J READY " + server.boltURI() + " " + server.httpURI() + " " + dir);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
