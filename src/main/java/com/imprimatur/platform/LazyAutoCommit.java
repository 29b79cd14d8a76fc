package com.imprimatur.platform;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.io.PrintWriter;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The pool's connections switch auto-commit on the server only when a statement needs the other mode.
 *
 * <p>Spring (and Hibernate under it) turns auto-commit off at the start of every transaction and on
 * again at its end: two round trips of {@code set autocommit} per transaction, 37 per review cycle in
 * the route bench, although the next user of the connection nearly always starts a transaction again.
 * Here the mode asked for is recorded, and the server is told only when a statement is about to run
 * on the connection (or its metadata object is fetched, or a savepoint set) in a mode the server is
 * not in; the server's mode is the driver's, read from the status of the server's last answer, so
 * whatever reached the server some other way is seen too. So a
 * transaction that follows a transaction costs no {@code set autocommit}; a statement outside a
 * transaction after one still runs in auto-commit (it is switched on first), so a write made outside
 * a transaction is still committed at once, never left in an open transaction for the pool to roll
 * back. Turning auto-commit on commits what is pending, as JDBC requires (after Spring's own commit
 * nothing is, and the driver sends nothing). Between transactions a connection may rest in the pool
 * with auto-commit off on the server; under InnoDB that holds no transaction, snapshot or lock (a
 * transaction starts at its first statement).
 *
 * <p>A plain read (a {@code select} without a locking clause) at the start of a transaction runs in
 * auto-commit when the server is in it and the connection's isolation is READ COMMITTED (or
 * lower): there every statement of a transaction reads the latest committed rows anyway, and a read
 * that locks no row sees the same inside a transaction and outside it. (What differs: inside a
 * transaction it keeps a shared metadata lock on its tables until the commit, so a schema change, say
 * a migration run by another node, could now come between such reads and the transaction's first
 * write, as it could between two transactions.) The transaction switches at its first other statement
 * (a write, a locking read), so everything from there on is one transaction as before. The server is
 * in auto-commit after a statement outside a transaction (each request's token or session look-up);
 * a transaction that only reads after one needs neither the switch nor a {@code COMMIT} (the driver
 * sends none when the server holds no transaction), nor the switch back for the next statement
 * outside a transaction: three round trips of an article poll's seven. After a transaction that wrote,
 * the server stays out of auto-commit, and a reading transaction then commits as before.
 *
 * <p>Applies to the pool of a MariaDB URL that has no data source of its own set.
 */
@Component
public class LazyAutoCommit implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getDataSource() == null && pool.getDataSourceClassName() == null
                && pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:mariadb:")) {
            pool.setDataSource(new Lazy(new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(),
                    pool.getDataSourceProperties(), pool.getUsername(), pool.getPassword())));
        }
        return bean;
    }

    /** A data source whose connections tell the server their auto-commit mode only when a statement needs it. */
    public static final class Lazy implements DataSource {
        private final DataSource connections;

        public Lazy(DataSource connections) {
            this.connections = connections;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return lazy(connections.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return lazy(connections.getConnection(username, password));
        }

        private static Connection lazy(Connection real) throws SQLException {
            return new Mode(real);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return connections.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            connections.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            connections.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return connections.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return connections.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : connections.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || connections.isWrapperFor(type);
        }
    }

    /**
     * A connection that records the auto-commit mode asked for; the server's is the driver's (from the
     * status of the server's last answer). What talks to the server through the connection itself
     * (the metadata object, a savepoint) and every run of its statements puts the server in the mode
     * asked for first.
     */
    private static final class Mode extends JdbcDelegates.OfConnection {
        private boolean asked;
        /** The isolation as set through this connection; read from the driver once when never set (it may ask the server). */
        private int isolation = -1;
        /** What each run of the connection's statements does first (a batch, whose SQL is null here, is of writes). */
        private final JdbcDelegates.BeforeRun runs = sql -> tellServer(sql, false);

        Mode(Connection real) throws SQLException {
            super(real);
            this.asked = real.getAutoCommit();
        }

        @Override
        public boolean getAutoCommit() {
            return asked;
        }

        @Override
        public void setAutoCommit(boolean on) throws SQLException {
            if (on && !real.isClosed() && !real.getAutoCommit()) {
                real.commit(); // JDBC: what is pending commits now; the driver sends nothing when nothing is
            }
            asked = on;
        }

        @Override
        public void setTransactionIsolation(int level) throws SQLException {
            real.setTransactionIsolation(level);
            isolation = level;
        }

        /** The metadata object's queries read the server's catalogue and lock and write nothing: a plain read
         * (MyBatis fetches it after every query it runs, to ask whether the driver supports several result sets). */
        @Override
        public DatabaseMetaData getMetaData() throws SQLException {
            tellServer(null, true);
            return real.getMetaData();
        }

        @Override
        public Savepoint setSavepoint() throws SQLException {
            tellServer(null, false);
            return real.setSavepoint();
        }

        @Override
        public Savepoint setSavepoint(String name) throws SQLException {
            tellServer(null, false);
            return real.setSavepoint(name);
        }

        @Override
        public void releaseSavepoint(Savepoint savepoint) throws SQLException {
            tellServer(null, false);
            real.releaseSavepoint(savepoint);
        }

        // a statement may be made before a transaction begins and run inside it: its runs tell the server

        @Override
        public Statement createStatement() throws SQLException {
            return new JdbcDelegates.OfStatement<>(real.createStatement(), this, null, runs);
        }

        @Override
        public Statement createStatement(int type, int concurrency) throws SQLException {
            return new JdbcDelegates.OfStatement<>(real.createStatement(type, concurrency), this, null, runs);
        }

        @Override
        public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
            return new JdbcDelegates.OfStatement<>(real.createStatement(type, concurrency, holdability), this, null, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql), this, sql, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int keys) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql, keys), this, sql, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int[] columns) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql, columns), this, sql, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, String[] columns) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql, columns), this, sql, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql, type, concurrency), this, sql, runs);
        }

        @Override
        public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
            return new JdbcDelegates.OfPrepared<>(real.prepareStatement(sql, type, concurrency, holdability), this, sql, runs);
        }

        @Override
        public CallableStatement prepareCall(String sql) throws SQLException {
            return new JdbcDelegates.OfCallable(real.prepareCall(sql), this, sql, runs);
        }

        @Override
        public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
            return new JdbcDelegates.OfCallable(real.prepareCall(sql, type, concurrency), this, sql, runs);
        }

        @Override
        public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
            return new JdbcDelegates.OfCallable(real.prepareCall(sql, type, concurrency, holdability), this, sql, runs);
        }

        @Override
        public String toString() {
            return "lazy auto-commit over " + real;
        }

        /**
         * Puts the server in the mode asked for before {@code sql} runs ({@code null}: anything else that
         * talks to the server; {@code reads}: the metadata object's reads), except for a plain read at
         * the start of a READ COMMITTED transaction (class comment). The driver knows the server's mode
         * from the status of its last answer: asking costs no round trip. A connection the driver
         * has closed (the server went away) is left for the call itself to report, with the error it
         * would give without this class.
         */
        void tellServer(String sql, boolean reads) throws SQLException {
            if (real.isClosed() || real.getAutoCommit() == asked) {
                return;
            }
            if (!asked && (reads || plainRead(sql)) && isolation() <= Connection.TRANSACTION_READ_COMMITTED) {
                return;
            }
            real.setAutoCommit(asked);
        }

        /**
         * Hikari sets the pool's isolation on each new connection when it differs from the server's
         * default, and Spring a transaction's through the same method; a connection never set keeps
         * the server's default, which Connector/J reads from the server when asked: once here.
         */
        private int isolation() throws SQLException {
            if (isolation < 0) {
                isolation = real.getTransactionIsolation();
            }
            return isolation;
        }
    }

    /**
     * A {@code select} that locks nothing and writes nothing: no locking clause, no {@code into}, no
     * lock or sequence function. Anything that does not plainly look so (a leading comment, say) is
     * not one, and runs in the mode asked for.
     *
     * <p>The answer for a {@code select} of up to {@value #KNOWN_LONGEST} characters is kept per SQL text
     * ({@link #KNOWN}): the same few hundred statements run over and over (the engine's, Hibernate's,
     * ours), and the pattern, case-insensitive over each of them, took 7 % of the node's samples in the
     * route bench, against a hash and an equality check of the text. Some texts vary (lists of parameters
     * of every length; the plagiarism index writes its fingerprint numbers into the text), so the store is
     * bounded: past {@value #KNOWN_MAX} texts it starts again, and the statements that repeat are back in
     * it at their next run. Anything else (a write, a longer text) is scanned each time, as before.
     */
    static boolean plainRead(String sql) {
        if (sql == null || !startsWithSelect(sql)) {
            return false;
        }
        if (sql.length() > KNOWN_LONGEST) {
            return scan(sql);
        }
        Boolean known = KNOWN.get(sql);
        if (known == null) {
            known = scan(sql);
            if (KNOWN.size() >= KNOWN_MAX) {
                KNOWN.clear();
            }
            KNOWN.put(sql, known);
        }
        return known;
    }

    /** How many SQL texts {@link #plainRead} keeps its answer for; past it, it starts again. */
    static final int KNOWN_MAX = 2048;
    /** The longest SQL text whose answer is kept (the engine's longest reads are about a thousand characters). */
    static final int KNOWN_LONGEST = 2048;
    private static final Map<String, Boolean> KNOWN = new ConcurrentHashMap<>();

    /** Whether the text's first word is {@code select}, without copying it. */
    private static boolean startsWithSelect(String sql) {
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return sql.regionMatches(true, start, "select", 0, 6);
    }

    /** No locking clause, {@code into} or lock or sequence function in a text that starts with {@code select}. */
    private static boolean scan(String sql) {
        return !NOT_PLAIN.matcher(sql).find();
    }

    private static final Pattern NOT_PLAIN = Pattern.compile("\\bfor\\s+(update|share)\\b|\\block\\s+in\\s+share\\s+mode\\b|\\binto\\b"
            + "|get_lock|release_lock|nextval|setval|lastval|sleep\\s*\\(", Pattern.CASE_INSENSITIVE);
}
