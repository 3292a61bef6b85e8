package policykg.neo4jdev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs a Neo4j Community DBMS with only a Bolt connector on 127.0.0.1, for development and CI.
 *
 * <p>Usage: {@code DevServer <dbms-home> <port|0> <uri-file>}; the password for user {@code neo4j}
 * comes from env NEO4J_DEV_PASSWORD. Once Bolt is up and the password is set, the bolt URI
 * (with the real port when 0 was asked for) is written to uri-file. Runs until SIGTERM.
 */
public final class DevServer {
    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: DevServer <dbms-home> <port|0> <uri-file>");
            System.exit(2);
        }
        try {
            run(args);
        } catch (Throwable t) {
            // Neo4j's non-daemon threads would keep a half-started JVM alive; exit instead
            // (the shutdown hook, if registered, still closes the DBMS).
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path uriFile = Path.of(args[2]);
        String password = System.getenv().getOrDefault("NEO4J_DEV_PASSWORD", "policykg-dev");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                // Bolt's default 5 s + 5 s drain on shutdown only slows down `stop` in tests.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(100))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // No phoning home: this machine and CI may only reach package registries.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // The user log (startup, errors) goes to stdout, which the script sends to neo4j.log.
                .setUserLogProvider(new Log4jLogProvider(System.out))
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-dev-shutdown"));

        // A fresh DBMS has user neo4j/neo4j with a forced password change; replace it so
        // clients can log in directly. Bolt is already listening, so this must happen before
        // the URI file tells anyone the server is ready.
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));

        // With port 0 the OS chose the port; ask Neo4j which one it bound.
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        int boundPort = db.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
        String uri = "bolt://127.0.0.1:" + boundPort;

        // Write-then-rename so a reader never sees a half-written file.
        Path tmp = uriFile.resolveSibling(uriFile.getFileName() + ".tmp");
        Files.writeString(tmp, uri + "\n");
        Files.move(tmp, uriFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("policykg neo4j-dev ready at " + uri);

        new CountDownLatch(1).await(); // until SIGTERM runs the shutdown hook and exits
    }
}
