package com.imprimatur.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.imprimatur.support.IntegrationTest;
import com.imprimatur.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Transactions on one pooled connection against the real MariaDB: back to back they send no
 * {@code set autocommit}, and what JDBC promises still holds (a commit commits, a rollback discards,
 * turning auto-commit on commits, a write outside a transaction is committed at once).
 */
class LazyAutoCommitTest extends IntegrationTest {

    @Autowired
    DataSource applicationPool;

    private final TestDatabase.Connection db = TestDatabase.get();
    private final String table = "lazy_autocommit_probe_" + Long.toHexString(System.nanoTime());
    private HikariDataSource lazy;
    private HikariDataSource stock;

    @BeforeEach
    void pools() throws SQLException {
        lazy = pool(true);
        stock = pool(false);
        try (Connection c = other(); Statement s = c.createStatement()) {
            s.execute("create table " + table + " (id int primary key)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        lazy.close();
        stock.close();
        try (Connection c = other(); Statement s = c.createStatement()) {
            s.execute("drop table if exists " + table);
        }
    }

    @Test
    void theApplicationsPoolTellsTheServerOnlyWhatAStatementNeeds() {
        assertThat(((HikariDataSource) applicationPool).getDataSource()).isInstanceOf(LazyAutoCommit.Lazy.class);
    }

    @Test
    void aTransactionAfterATransactionSendsNoSetAutocommit() throws SQLException {
        // one connection in each pool: the second transaction runs on the first one's connection
        assertThat(setsBetweenTwoTransactions(stock)).isEqualTo(2); // on at the end of the first, off at the start of the next
        assertThat(setsBetweenTwoTransactions(lazy)).isZero();
    }

    @Test
    void aWriteOutsideATransactionAfterOneIsCommittedAtOnce() throws SQLException {
        inTransaction(1, true);
        try (Connection c = lazy.getConnection(); Statement s = c.createStatement()) {
            assertThat(c.getAutoCommit()).isTrue();
            s.executeUpdate("insert into " + table + " values (2)");
            try (ResultSet rs = s.executeQuery("select @@autocommit")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(seenByAnother(2)).isTrue(); // before the connection goes back to the pool
        }
        assertThat(seenByAnother(2)).isTrue();
    }

    @Test
    void commitCommitsRollbackDiscardsAndAutoCommitOnCommitsWhatIsPending() throws SQLException {
        inTransaction(1, true);
        assertThat(seenByAnother(1)).isTrue();
        inTransaction(2, false);
        assertThat(seenByAnother(2)).isFalse();
        try (Connection c = lazy.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into " + table + " values (3)");
            assertThat(seenByAnother(3)).isFalse();
            c.setAutoCommit(true); // JDBC: commits
            assertThat(seenByAnother(3)).isTrue();
        }
    }

    @Test
    void aTransactionThatMadeNoStatementCommitsAndRollsBackWithoutComplaint() throws SQLException {
        try (Connection c = lazy.getConnection()) {
            c.setAutoCommit(false);
            c.commit();
            c.rollback();
            c.setAutoCommit(true);
        }
        inTransaction(4, true);
        assertThat(seenByAnother(4)).isTrue();
    }

    @Test
    void aConnectionRestingInThePoolHoldsNoTransaction() throws SQLException {
        long id;
        try (Connection c = lazy.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into " + table + " values (?)")) {
                insert.setInt(1, 5);
                insert.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select connection_id()")) {
                rs.next();
                id = rs.getLong(1);
            }
            c.commit();
            c.setAutoCommit(true);
        }
        assertThat(seenByAnother(5)).isTrue();
        assertThat(openTransactions(id)).isZero();
        // a read outside a transaction, after one, on the same connection: in auto-commit, so it leaves nothing open
        try (Connection c = lazy.getConnection(); PreparedStatement read = c.prepareStatement("select count(*) from " + table);
                ResultSet rs = read.executeQuery()) {
            rs.next();
            // the server's own mode, as the driver read it from the server's answer to the select
            assertThat(c.unwrap(org.mariadb.jdbc.Connection.class).getAutoCommit()).isTrue();
        }
        assertThat(openTransactions(id)).isZero();
    }

    @Test
    void aTransactionThatOnlyReadsAfterAStatementOutsideOneSendsNoSetAndNoCommit() throws SQLException {
        inTransaction(30, true);
        assertThat(setsAndCommitsAroundAReadingTransaction(stock)).containsExactly(2L, 1L); // off, COMMIT; on again for the next read
        assertThat(setsAndCommitsAroundAReadingTransaction(lazy)).containsExactly(0L, 0L);
    }

    /** Outside a transaction, then a transaction of two plain reads and the metadata, then outside again: the connection's SETs and COMMITs in between. */
    private long[] setsAndCommitsAroundAReadingTransaction(HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            long[] before = setsAndCommits(c);
            c.setAutoCommit(false);
            try (PreparedStatement read = c.prepareStatement("select count(*) from " + table); ResultSet rs = read.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
            assertThat(c.getMetaData().supportsMultipleResultSets()).isTrue(); // as MyBatis asks after every query
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id from " + table + " order by id")) {
                assertThat(rs.next()).isTrue();
            }
            c.commit();
            c.setAutoCommit(true);
            long[] after = setsAndCommits(c);
            return new long[] {after[0] - before[0], after[1] - before[1]};
        }
    }

    private static long[] setsAndCommits(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select variable_name, variable_value from "
                + "information_schema.session_status where variable_name in ('COM_SET_OPTION', 'COM_COMMIT') order by variable_name desc")) {
            rs.next();
            long sets = rs.getLong(2);
            rs.next();
            return new long[] {sets, rs.getLong(2)};
        }
    }

    @Test
    void aWriteAfterPlainReadsIsInTheTransactionAndRollsBackWithIt() throws SQLException {
        inTransaction(40, true);
        try (Connection c = lazy.getConnection(); Statement s = c.createStatement()) {
            readOutsideATransaction(c);
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
            }
            assertThat(serverAutoCommit(c)).isTrue(); // the read ran in auto-commit: the server holds no transaction
            s.executeUpdate("insert into " + table + " values (41)");
            assertThat(serverAutoCommit(c)).isFalse();
            assertThat(seenByAnother(41)).isFalse();
            try (ResultSet rs = s.executeQuery("select count(*) from " + table + " where id = 41")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1); // the transaction reads its own write
            }
            c.rollback();
            c.setAutoCommit(true);
        }
        assertThat(seenByAnother(41)).isFalse();
        assertThat(seenByAnother(40)).isTrue();
    }

    @Test
    void aLockingReadStartsTheTransactionAndHoldsItsLockUntilTheCommit() throws SQLException {
        inTransaction(50, true);
        try (Connection c = lazy.getConnection()) {
            readOutsideATransaction(c);
            c.setAutoCommit(false);
            try (PreparedStatement lock = c.prepareStatement("select id from " + table + " where id = 50 for update");
                    ResultSet rs = lock.executeQuery()) {
                rs.next();
            }
            assertThat(serverAutoCommit(c)).isFalse();
            try (Connection o = other(); Statement s = o.createStatement()) {
                s.execute("set innodb_lock_wait_timeout = 1");
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.executeUpdate("update " + table + " set id = 51 where id = 50"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("Lock wait timeout");
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void underRepeatableReadAPlainReadStartsTheTransaction() throws SQLException {
        inTransaction(60, true);
        try (Connection c = lazy.getConnection()) {
            readOutsideATransaction(c);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for the whole transaction
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                rs.next();
            }
            assertThat(serverAutoCommit(c)).isFalse();
            c.commit();
            c.setAutoCommit(true);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void aConnectionWhoseIsolationWasNeverSetHasTheServersDefault() throws SQLException {
        // the pool sets no isolation through JDBC; the sessions start as on a server whose default is one or the other
        try (HikariDataSource readCommitted = unset("set session transaction isolation level read committed");
                HikariDataSource serversDefault = unset("set session transaction isolation level repeatable read")) {
            for (HikariDataSource pool : List.of(readCommitted, serversDefault)) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.executeUpdate("insert into " + table + " values (" + (pool == readCommitted ? 70 : 71) + ")");
                }
            }
            assertThat(setsAndCommitsAroundAReadingTransaction(readCommitted)).containsExactly(0L, 0L);
            try (Connection c = serversDefault.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select @@session.tx_isolation")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("REPEATABLE-READ");
            }
            assertThat(setsAndCommitsAroundAReadingTransaction(serversDefault)).containsExactly(2L, 1L);
        }
    }

    /** A lazy pool of one connection that sets no isolation, each session starting with {@code initSql}. */
    private HikariDataSource unset(String initSql) {
        HikariDataSource pool = onePool();
        pool.setConnectionInitSql(initSql);
        return (HikariDataSource) new LazyAutoCommit().postProcessAfterInitialization(pool, "probe");
    }

    @Test
    void onlyASelectThatLocksAndWritesNothingIsAPlainRead() {
        assertThat(LazyAutoCommit.plainRead("select * from t where id = ?")).isTrue();
        assertThat(LazyAutoCommit.plainRead("\n  SELECT a.id FROM t a JOIN u ON u.id = a.id")).isTrue();
        assertThat(LazyAutoCommit.plainRead("select intolerance, updated from t where format = 'for updates'")).isTrue();
        for (String not : new String[] {null, "", "insert into t values (1)", "update t set a = 1", "delete from t",
                "select id from t where id = 1 for update", "SELECT id FROM t FOR UPDATE SKIP LOCKED", "select id from t lock in share mode",
                "select id from t for share", "select id from t for  update", "select id from t FOR\n\tUPDATE",
                "select id from t lock in  share mode", "select id into @x from t", "select get_lock('x', 1)", "select nextval(s)",
                "/* a comment */ select 1", "(select 1)", "with x as (select 1) select * from x", "call p()", "set autocommit = 1",
                "select sleep(1)"}) {
            assertThat(LazyAutoCommit.plainRead(not)).as(not).isFalse();
        }
    }

    @Test
    void theAnswerKeptPerTextIsTheAnswerForThatText() {
        // two texts of one length and one hash code ("inuP" and "into" hash alike), one plain and one not:
        // an answer kept by hash, or by length, would give the second the first's answer
        String plainOne = "select x inuP @v from t", intoOne = "select x into @v from t";
        assertThat(plainOne.hashCode()).isEqualTo(intoOne.hashCode());
        assertThat(LazyAutoCommit.plainRead(plainOne)).isTrue();
        assertThat(LazyAutoCommit.plainRead(intoOne)).isFalse();
        assertThat(LazyAutoCommit.plainRead(plainOne)).isTrue();
        // a text past the longest kept is still answered
        String longRead = "select * from t where id in (" + "?, ".repeat(LazyAutoCommit.KNOWN_LONGEST / 3) + "?)";
        assertThat(LazyAutoCommit.plainRead(longRead)).isTrue();
        assertThat(LazyAutoCommit.plainRead(longRead + " for update")).isFalse();
        // texts that differ only where it matters, asked twice each, more of them than are kept, so the
        // store starts again on the way
        for (int i = 0; i < LazyAutoCommit.KNOWN_MAX + 50; i++) {
            String plain = "select * from t where id in (" + "?, ".repeat(i % 40) + "?) and n = " + i;
            String locking = plain + " for update";
            String writing = "update t set n = " + i + " where id = ?";
            for (int again = 0; again < 2; again++) {
                assertThat(LazyAutoCommit.plainRead(plain)).as(plain).isTrue();
                assertThat(LazyAutoCommit.plainRead(locking)).as(locking).isFalse();
                assertThat(LazyAutoCommit.plainRead(writing)).as(writing).isFalse();
                assertThat(LazyAutoCommit.plainRead(new String(locking.toCharArray()))).as("an equal text of another string").isFalse();
            }
        }
    }

    @Test
    void everyMethodOfTheInterfacesReachesTheDriversOwn() throws NoSuchMethodException {
        // a default method left to the interface would not reach the driver (Statement's executeLargeUpdate
        // throws UnsupportedOperationException there), and a method added by a later JDK would not either
        Class<?>[][] pairs = {{Connection.class, JdbcDelegates.OfConnection.class}, {Statement.class, JdbcDelegates.OfStatement.class},
                {PreparedStatement.class, JdbcDelegates.OfPrepared.class}, {CallableStatement.class, JdbcDelegates.OfCallable.class}};
        int methods = 0;
        for (Class<?>[] pair : pairs) {
            for (Method m : pair[0].getMethods()) {
                if (Modifier.isStatic(m.getModifiers())) {
                    continue;
                }
                Class<?> declaring = pair[1].getMethod(m.getName(), m.getParameterTypes()).getDeclaringClass();
                assertThat(declaring.isInterface()).as(pair[1].getSimpleName() + "." + m.getName()).isFalse();
                methods++;
            }
        }
        assertThat(methods).isGreaterThan(250);
    }

    @Test
    void everyStatementTheConnectionMakesIsOneThatTellsTheServerFirst() throws Exception {
        // each of the twelve ways to make a statement (Hibernate and MyBatis use several): one left to the
        // plain delegate would hand out the driver's own statement, whose runs would tell the server nothing
        try (Connection c = lazy.getConnection(); Statement s = c.createStatement()) {
            s.execute("create procedure " + table + "_p() select 1");
        }
        try (Connection c = lazy.getDataSource().getConnection()) { // the lazy data source itself, under the pool
            int made = 0;
            for (Method m : Connection.class.getMethods()) {
                if (!Statement.class.isAssignableFrom(m.getReturnType())) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                Object[] args = new Object[types.length];
                int ints = (int) Arrays.stream(types).filter(int.class::equals).count();
                int[] given = ints == 1 ? new int[] {Statement.NO_GENERATED_KEYS}
                        : new int[] {ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.HOLD_CURSORS_OVER_COMMIT};
                for (int i = 0, n = 0; i < types.length; i++) {
                    args[i] = types[i] == String.class ? (m.getName().equals("prepareCall") ? "{call " + table + "_p()}" : "select 1")
                            : types[i] == int[].class ? new int[] {1} : types[i] == String[].class ? new String[] {"id"} : given[n++];
                }
                try (Statement made1 = (Statement) m.invoke(c, args)) {
                    assertThat(made1).as(m.toString()).isInstanceOf(JdbcDelegates.OfStatement.class);
                    assertThat(made1.getConnection()).as(m.toString()).isSameAs(c);
                }
                made++;
            }
            assertThat(made).isEqualTo(12);
        } finally {
            try (Connection c = other(); Statement s = c.createStatement()) {
                s.execute("drop procedure if exists " + table + "_p");
            }
        }
    }

    @Test
    void aPreparedRunWithoutTextIsInTheTransactionAndALargeUpdateOutsideOneIsCommitted() throws SQLException {
        try (Connection c = lazy.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into " + table + " values (?)")) {
                p.setInt(1, 5);
                assertThat(p.executeLargeUpdate()).isEqualTo(1); // a default method of the interface: the driver's own
                assertThat(p.getConnection().unwrap(org.mariadb.jdbc.Connection.class)).isNotNull();
            }
            assertThat(seenByAnother(5)).isFalse();
            c.rollback();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                assertThat(s.executeLargeUpdate("insert into " + table + " values (6)")).isEqualTo(1);
            }
            assertThat(seenByAnother(6)).isTrue();
        }
        assertThat(seenByAnother(5)).isFalse();
    }

    /** As a request's token look-up: a read in auto-commit (after a transaction, the server is switched to it first). */
    private static void readOutsideATransaction(Connection c) throws SQLException {
        assertThat(c.getAutoCommit()).isTrue();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            rs.next();
        }
        assertThat(serverAutoCommit(c)).isTrue();
    }

    /** The server's own mode, as the driver read it from the server's last answer. */
    private static boolean serverAutoCommit(Connection c) throws SQLException {
        return c.unwrap(org.mariadb.jdbc.Connection.class).getAutoCommit();
    }

    private long openTransactions(long connectionId) throws SQLException {
        try (Connection c = other();
                PreparedStatement p = c.prepareStatement("select count(*) from information_schema.innodb_trx where trx_mysql_thread_id = ?")) {
            p.setLong(1, connectionId);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long setsBetweenTwoTransactions(HikariDataSource pool) throws SQLException {
        long first = inTransaction(10 + (pool == lazy ? 0 : 1), true, pool);
        long second = inTransaction(20 + (pool == lazy ? 0 : 1), true, pool);
        return second - first;
    }

    private long inTransaction(int id, boolean commit) throws SQLException {
        return inTransaction(id, commit, lazy);
    }

    /** Inserts {@code id} in a transaction and answers the connection's count of SET statements, read inside it. */
    private long inTransaction(int id, boolean commit, HikariDataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.executeUpdate("insert into " + table + " values (" + id + ")");
            long sets;
            try (ResultSet rs = s.executeQuery("show session status like 'Com_set_option'")) {
                rs.next();
                sets = rs.getLong(2);
            }
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            c.setAutoCommit(true);
            return sets;
        }
    }

    private boolean seenByAnother(int id) throws SQLException {
        try (Connection c = other(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from " + table + " where id = " + id)) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    private Connection other() throws SQLException {
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private HikariDataSource pool(boolean lazyAutoCommit) {
        HikariDataSource pool = onePool();
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return lazyAutoCommit ? (HikariDataSource) new LazyAutoCommit().postProcessAfterInitialization(pool, "probe") : pool;
    }

    private HikariDataSource onePool() {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(db.url());
        pool.setUsername(db.username());
        pool.setPassword(db.password());
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
