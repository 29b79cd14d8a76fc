package com.imprimatur.platform;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * Plain delegating JDBC objects for {@link LazyAutoCommit}: every method of the interface (its default
 * methods too) calls the same method of the wrapped object, so a subclass overrides only what it changes.
 * Plain classes rather than {@link java.lang.reflect.Proxy}: a proxy made a class lookup for every
 * statement and a reflective call, with its arguments boxed into an array, for every method called
 * (every parameter set, every run, every close): 3.8 % of a node's samples in the route bench (tenth round).
 * Written out from the JDK 17 interfaces, one method per abstract or default method.
 */
@SuppressWarnings("deprecation") // the interfaces' deprecated methods are delegated like the rest
final class JdbcDelegates {

    private JdbcDelegates() {
    }

    /** A connection whose every method calls the same method of another. */
    abstract static class OfConnection implements Connection {
        protected final Connection real;

        protected OfConnection(Connection real) {
            this.real = real;
        }

        @Override
        public Statement createStatement() throws SQLException {
            return real.createStatement();
        }

        @Override
        public PreparedStatement prepareStatement(String a0) throws SQLException {
            return real.prepareStatement(a0);
        }

        @Override
        public CallableStatement prepareCall(String a0) throws SQLException {
            return real.prepareCall(a0);
        }

        @Override
        public String nativeSQL(String a0) throws SQLException {
            return real.nativeSQL(a0);
        }

        @Override
        public void setAutoCommit(boolean a0) throws SQLException {
            real.setAutoCommit(a0);
        }

        @Override
        public boolean getAutoCommit() throws SQLException {
            return real.getAutoCommit();
        }

        @Override
        public void commit() throws SQLException {
            real.commit();
        }

        @Override
        public void rollback() throws SQLException {
            real.rollback();
        }

        @Override
        public void close() throws SQLException {
            real.close();
        }

        @Override
        public boolean isClosed() throws SQLException {
            return real.isClosed();
        }

        @Override
        public DatabaseMetaData getMetaData() throws SQLException {
            return real.getMetaData();
        }

        @Override
        public void setReadOnly(boolean a0) throws SQLException {
            real.setReadOnly(a0);
        }

        @Override
        public boolean isReadOnly() throws SQLException {
            return real.isReadOnly();
        }

        @Override
        public void setCatalog(String a0) throws SQLException {
            real.setCatalog(a0);
        }

        @Override
        public String getCatalog() throws SQLException {
            return real.getCatalog();
        }

        @Override
        public void setTransactionIsolation(int a0) throws SQLException {
            real.setTransactionIsolation(a0);
        }

        @Override
        public int getTransactionIsolation() throws SQLException {
            return real.getTransactionIsolation();
        }

        @Override
        public SQLWarning getWarnings() throws SQLException {
            return real.getWarnings();
        }

        @Override
        public void clearWarnings() throws SQLException {
            real.clearWarnings();
        }

        @Override
        public Statement createStatement(int a0, int a1) throws SQLException {
            return real.createStatement(a0, a1);
        }

        @Override
        public PreparedStatement prepareStatement(String a0, int a1, int a2) throws SQLException {
            return real.prepareStatement(a0, a1, a2);
        }

        @Override
        public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException {
            return real.prepareCall(a0, a1, a2);
        }

        @Override
        public Map<String, Class<?>> getTypeMap() throws SQLException {
            return real.getTypeMap();
        }

        @Override
        public void setTypeMap(Map<String, Class<?>> a0) throws SQLException {
            real.setTypeMap(a0);
        }

        @Override
        public void setHoldability(int a0) throws SQLException {
            real.setHoldability(a0);
        }

        @Override
        public int getHoldability() throws SQLException {
            return real.getHoldability();
        }

        @Override
        public Savepoint setSavepoint() throws SQLException {
            return real.setSavepoint();
        }

        @Override
        public Savepoint setSavepoint(String a0) throws SQLException {
            return real.setSavepoint(a0);
        }

        @Override
        public void rollback(Savepoint a0) throws SQLException {
            real.rollback(a0);
        }

        @Override
        public void releaseSavepoint(Savepoint a0) throws SQLException {
            real.releaseSavepoint(a0);
        }

        @Override
        public Statement createStatement(int a0, int a1, int a2) throws SQLException {
            return real.createStatement(a0, a1, a2);
        }

        @Override
        public PreparedStatement prepareStatement(String a0, int a1, int a2, int a3) throws SQLException {
            return real.prepareStatement(a0, a1, a2, a3);
        }

        @Override
        public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException {
            return real.prepareCall(a0, a1, a2, a3);
        }

        @Override
        public PreparedStatement prepareStatement(String a0, int a1) throws SQLException {
            return real.prepareStatement(a0, a1);
        }

        @Override
        public PreparedStatement prepareStatement(String a0, int[] a1) throws SQLException {
            return real.prepareStatement(a0, a1);
        }

        @Override
        public PreparedStatement prepareStatement(String a0, String[] a1) throws SQLException {
            return real.prepareStatement(a0, a1);
        }

        @Override
        public Clob createClob() throws SQLException {
            return real.createClob();
        }

        @Override
        public Blob createBlob() throws SQLException {
            return real.createBlob();
        }

        @Override
        public NClob createNClob() throws SQLException {
            return real.createNClob();
        }

        @Override
        public SQLXML createSQLXML() throws SQLException {
            return real.createSQLXML();
        }

        @Override
        public boolean isValid(int a0) throws SQLException {
            return real.isValid(a0);
        }

        @Override
        public void setClientInfo(String a0, String a1) throws SQLClientInfoException {
            real.setClientInfo(a0, a1);
        }

        @Override
        public void setClientInfo(Properties a0) throws SQLClientInfoException {
            real.setClientInfo(a0);
        }

        @Override
        public String getClientInfo(String a0) throws SQLException {
            return real.getClientInfo(a0);
        }

        @Override
        public Properties getClientInfo() throws SQLException {
            return real.getClientInfo();
        }

        @Override
        public Array createArrayOf(String a0, Object[] a1) throws SQLException {
            return real.createArrayOf(a0, a1);
        }

        @Override
        public Struct createStruct(String a0, Object[] a1) throws SQLException {
            return real.createStruct(a0, a1);
        }

        @Override
        public void setSchema(String a0) throws SQLException {
            real.setSchema(a0);
        }

        @Override
        public String getSchema() throws SQLException {
            return real.getSchema();
        }

        @Override
        public void abort(Executor a0) throws SQLException {
            real.abort(a0);
        }

        @Override
        public void setNetworkTimeout(Executor a0, int a1) throws SQLException {
            real.setNetworkTimeout(a0, a1);
        }

        @Override
        public int getNetworkTimeout() throws SQLException {
            return real.getNetworkTimeout();
        }

        @Override
        public void beginRequest() throws SQLException {
            real.beginRequest();
        }

        @Override
        public void endRequest() throws SQLException {
            real.endRequest();
        }

        @Override
        public boolean setShardingKeyIfValid(ShardingKey a0, ShardingKey a1, int a2) throws SQLException {
            return real.setShardingKeyIfValid(a0, a1, a2);
        }

        @Override
        public boolean setShardingKeyIfValid(ShardingKey a0, int a1) throws SQLException {
            return real.setShardingKeyIfValid(a0, a1);
        }

        @Override
        public void setShardingKey(ShardingKey a0, ShardingKey a1) throws SQLException {
            real.setShardingKey(a0, a1);
        }

        @Override
        public void setShardingKey(ShardingKey a0) throws SQLException {
            real.setShardingKey(a0);
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || real.isWrapperFor(type);
        }
    }

    /** What a statement does before each of its runs, given the SQL that runs ({@code null} for a batch). */
    @FunctionalInterface
    interface BeforeRun {
        void accept(String sql) throws SQLException;
    }

    /**
     * A statement whose every method calls the same method of another, and {@link BeforeRun} before
     * each run: with the run's SQL text, its prepared text ({@link #sql}), or {@code null} for a batch;
     * {@code getConnection} answers the connection that made it.
     */
    static class OfStatement<S extends Statement> implements Statement {
        protected final S real;
        protected final Connection connection;
        /** A prepared statement's SQL; {@code null} for a plain statement, whose runs name theirs. */
        protected final String sql;
        protected final BeforeRun beforeRun;

        OfStatement(S real, Connection connection, String sql, BeforeRun beforeRun) {
            this.real = real;
            this.connection = connection;
            this.sql = sql;
            this.beforeRun = beforeRun;
        }

        @Override
        public String toString() {
            return real.toString();
        }

        @Override
        public ResultSet executeQuery(String a0) throws SQLException {
            beforeRun.accept(a0);
            return real.executeQuery(a0);
        }

        @Override
        public int executeUpdate(String a0) throws SQLException {
            beforeRun.accept(a0);
            return real.executeUpdate(a0);
        }

        @Override
        public void close() throws SQLException {
            real.close();
        }

        @Override
        public int getMaxFieldSize() throws SQLException {
            return real.getMaxFieldSize();
        }

        @Override
        public void setMaxFieldSize(int a0) throws SQLException {
            real.setMaxFieldSize(a0);
        }

        @Override
        public int getMaxRows() throws SQLException {
            return real.getMaxRows();
        }

        @Override
        public void setMaxRows(int a0) throws SQLException {
            real.setMaxRows(a0);
        }

        @Override
        public void setEscapeProcessing(boolean a0) throws SQLException {
            real.setEscapeProcessing(a0);
        }

        @Override
        public int getQueryTimeout() throws SQLException {
            return real.getQueryTimeout();
        }

        @Override
        public void setQueryTimeout(int a0) throws SQLException {
            real.setQueryTimeout(a0);
        }

        @Override
        public void cancel() throws SQLException {
            real.cancel();
        }

        @Override
        public SQLWarning getWarnings() throws SQLException {
            return real.getWarnings();
        }

        @Override
        public void clearWarnings() throws SQLException {
            real.clearWarnings();
        }

        @Override
        public void setCursorName(String a0) throws SQLException {
            real.setCursorName(a0);
        }

        @Override
        public boolean execute(String a0) throws SQLException {
            beforeRun.accept(a0);
            return real.execute(a0);
        }

        @Override
        public ResultSet getResultSet() throws SQLException {
            return real.getResultSet();
        }

        @Override
        public int getUpdateCount() throws SQLException {
            return real.getUpdateCount();
        }

        @Override
        public boolean getMoreResults() throws SQLException {
            return real.getMoreResults();
        }

        @Override
        public void setFetchDirection(int a0) throws SQLException {
            real.setFetchDirection(a0);
        }

        @Override
        public int getFetchDirection() throws SQLException {
            return real.getFetchDirection();
        }

        @Override
        public void setFetchSize(int a0) throws SQLException {
            real.setFetchSize(a0);
        }

        @Override
        public int getFetchSize() throws SQLException {
            return real.getFetchSize();
        }

        @Override
        public int getResultSetConcurrency() throws SQLException {
            return real.getResultSetConcurrency();
        }

        @Override
        public int getResultSetType() throws SQLException {
            return real.getResultSetType();
        }

        @Override
        public void addBatch(String a0) throws SQLException {
            real.addBatch(a0);
        }

        @Override
        public void clearBatch() throws SQLException {
            real.clearBatch();
        }

        @Override
        public int[] executeBatch() throws SQLException {
            beforeRun.accept(null);
            return real.executeBatch();
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection;
        }

        @Override
        public boolean getMoreResults(int a0) throws SQLException {
            return real.getMoreResults(a0);
        }

        @Override
        public ResultSet getGeneratedKeys() throws SQLException {
            return real.getGeneratedKeys();
        }

        @Override
        public int executeUpdate(String a0, int a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeUpdate(a0, a1);
        }

        @Override
        public int executeUpdate(String a0, int[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeUpdate(a0, a1);
        }

        @Override
        public int executeUpdate(String a0, String[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeUpdate(a0, a1);
        }

        @Override
        public boolean execute(String a0, int a1) throws SQLException {
            beforeRun.accept(a0);
            return real.execute(a0, a1);
        }

        @Override
        public boolean execute(String a0, int[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.execute(a0, a1);
        }

        @Override
        public boolean execute(String a0, String[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.execute(a0, a1);
        }

        @Override
        public int getResultSetHoldability() throws SQLException {
            return real.getResultSetHoldability();
        }

        @Override
        public boolean isClosed() throws SQLException {
            return real.isClosed();
        }

        @Override
        public void setPoolable(boolean a0) throws SQLException {
            real.setPoolable(a0);
        }

        @Override
        public boolean isPoolable() throws SQLException {
            return real.isPoolable();
        }

        @Override
        public void closeOnCompletion() throws SQLException {
            real.closeOnCompletion();
        }

        @Override
        public boolean isCloseOnCompletion() throws SQLException {
            return real.isCloseOnCompletion();
        }

        @Override
        public long getLargeUpdateCount() throws SQLException {
            return real.getLargeUpdateCount();
        }

        @Override
        public void setLargeMaxRows(long a0) throws SQLException {
            real.setLargeMaxRows(a0);
        }

        @Override
        public long getLargeMaxRows() throws SQLException {
            return real.getLargeMaxRows();
        }

        @Override
        public long[] executeLargeBatch() throws SQLException {
            beforeRun.accept(null);
            return real.executeLargeBatch();
        }

        @Override
        public long executeLargeUpdate(String a0) throws SQLException {
            beforeRun.accept(a0);
            return real.executeLargeUpdate(a0);
        }

        @Override
        public long executeLargeUpdate(String a0, int a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeLargeUpdate(a0, a1);
        }

        @Override
        public long executeLargeUpdate(String a0, int[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeLargeUpdate(a0, a1);
        }

        @Override
        public long executeLargeUpdate(String a0, String[] a1) throws SQLException {
            beforeRun.accept(a0);
            return real.executeLargeUpdate(a0, a1);
        }

        @Override
        public String enquoteLiteral(String a0) throws SQLException {
            return real.enquoteLiteral(a0);
        }

        @Override
        public String enquoteIdentifier(String a0, boolean a1) throws SQLException {
            return real.enquoteIdentifier(a0, a1);
        }

        @Override
        public boolean isSimpleIdentifier(String a0) throws SQLException {
            return real.isSimpleIdentifier(a0);
        }

        @Override
        public String enquoteNCharLiteral(String a0) throws SQLException {
            return real.enquoteNCharLiteral(a0);
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || real.isWrapperFor(type);
        }
    }

    /** A prepared statement whose every method calls the same method of another (see {@link OfStatement}). */
    static class OfPrepared<S extends PreparedStatement> extends OfStatement<S> implements PreparedStatement {
        OfPrepared(S real, Connection connection, String sql, BeforeRun beforeRun) {
            super(real, connection, sql, beforeRun);
        }

        @Override
        public ResultSet executeQuery() throws SQLException {
            beforeRun.accept(sql);
            return real.executeQuery();
        }

        @Override
        public int executeUpdate() throws SQLException {
            beforeRun.accept(sql);
            return real.executeUpdate();
        }

        @Override
        public void setNull(int a0, int a1) throws SQLException {
            real.setNull(a0, a1);
        }

        @Override
        public void setBoolean(int a0, boolean a1) throws SQLException {
            real.setBoolean(a0, a1);
        }

        @Override
        public void setByte(int a0, byte a1) throws SQLException {
            real.setByte(a0, a1);
        }

        @Override
        public void setShort(int a0, short a1) throws SQLException {
            real.setShort(a0, a1);
        }

        @Override
        public void setInt(int a0, int a1) throws SQLException {
            real.setInt(a0, a1);
        }

        @Override
        public void setLong(int a0, long a1) throws SQLException {
            real.setLong(a0, a1);
        }

        @Override
        public void setFloat(int a0, float a1) throws SQLException {
            real.setFloat(a0, a1);
        }

        @Override
        public void setDouble(int a0, double a1) throws SQLException {
            real.setDouble(a0, a1);
        }

        @Override
        public void setBigDecimal(int a0, BigDecimal a1) throws SQLException {
            real.setBigDecimal(a0, a1);
        }

        @Override
        public void setString(int a0, String a1) throws SQLException {
            real.setString(a0, a1);
        }

        @Override
        public void setBytes(int a0, byte[] a1) throws SQLException {
            real.setBytes(a0, a1);
        }

        @Override
        public void setDate(int a0, Date a1) throws SQLException {
            real.setDate(a0, a1);
        }

        @Override
        public void setTime(int a0, Time a1) throws SQLException {
            real.setTime(a0, a1);
        }

        @Override
        public void setTimestamp(int a0, Timestamp a1) throws SQLException {
            real.setTimestamp(a0, a1);
        }

        @Override
        public void setAsciiStream(int a0, InputStream a1, int a2) throws SQLException {
            real.setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setUnicodeStream(int a0, InputStream a1, int a2) throws SQLException {
            real.setUnicodeStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(int a0, InputStream a1, int a2) throws SQLException {
            real.setBinaryStream(a0, a1, a2);
        }

        @Override
        public void clearParameters() throws SQLException {
            real.clearParameters();
        }

        @Override
        public void setObject(int a0, Object a1, int a2) throws SQLException {
            real.setObject(a0, a1, a2);
        }

        @Override
        public void setObject(int a0, Object a1) throws SQLException {
            real.setObject(a0, a1);
        }

        @Override
        public boolean execute() throws SQLException {
            beforeRun.accept(sql);
            return real.execute();
        }

        @Override
        public void addBatch() throws SQLException {
            real.addBatch();
        }

        @Override
        public void setCharacterStream(int a0, Reader a1, int a2) throws SQLException {
            real.setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setRef(int a0, Ref a1) throws SQLException {
            real.setRef(a0, a1);
        }

        @Override
        public void setBlob(int a0, Blob a1) throws SQLException {
            real.setBlob(a0, a1);
        }

        @Override
        public void setClob(int a0, Clob a1) throws SQLException {
            real.setClob(a0, a1);
        }

        @Override
        public void setArray(int a0, Array a1) throws SQLException {
            real.setArray(a0, a1);
        }

        @Override
        public ResultSetMetaData getMetaData() throws SQLException {
            return real.getMetaData();
        }

        @Override
        public void setDate(int a0, Date a1, Calendar a2) throws SQLException {
            real.setDate(a0, a1, a2);
        }

        @Override
        public void setTime(int a0, Time a1, Calendar a2) throws SQLException {
            real.setTime(a0, a1, a2);
        }

        @Override
        public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException {
            real.setTimestamp(a0, a1, a2);
        }

        @Override
        public void setNull(int a0, int a1, String a2) throws SQLException {
            real.setNull(a0, a1, a2);
        }

        @Override
        public void setURL(int a0, URL a1) throws SQLException {
            real.setURL(a0, a1);
        }

        @Override
        public ParameterMetaData getParameterMetaData() throws SQLException {
            return real.getParameterMetaData();
        }

        @Override
        public void setRowId(int a0, RowId a1) throws SQLException {
            real.setRowId(a0, a1);
        }

        @Override
        public void setNString(int a0, String a1) throws SQLException {
            real.setNString(a0, a1);
        }

        @Override
        public void setNCharacterStream(int a0, Reader a1, long a2) throws SQLException {
            real.setNCharacterStream(a0, a1, a2);
        }

        @Override
        public void setNClob(int a0, NClob a1) throws SQLException {
            real.setNClob(a0, a1);
        }

        @Override
        public void setClob(int a0, Reader a1, long a2) throws SQLException {
            real.setClob(a0, a1, a2);
        }

        @Override
        public void setBlob(int a0, InputStream a1, long a2) throws SQLException {
            real.setBlob(a0, a1, a2);
        }

        @Override
        public void setNClob(int a0, Reader a1, long a2) throws SQLException {
            real.setNClob(a0, a1, a2);
        }

        @Override
        public void setSQLXML(int a0, SQLXML a1) throws SQLException {
            real.setSQLXML(a0, a1);
        }

        @Override
        public void setObject(int a0, Object a1, int a2, int a3) throws SQLException {
            real.setObject(a0, a1, a2, a3);
        }

        @Override
        public void setAsciiStream(int a0, InputStream a1, long a2) throws SQLException {
            real.setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(int a0, InputStream a1, long a2) throws SQLException {
            real.setBinaryStream(a0, a1, a2);
        }

        @Override
        public void setCharacterStream(int a0, Reader a1, long a2) throws SQLException {
            real.setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setAsciiStream(int a0, InputStream a1) throws SQLException {
            real.setAsciiStream(a0, a1);
        }

        @Override
        public void setBinaryStream(int a0, InputStream a1) throws SQLException {
            real.setBinaryStream(a0, a1);
        }

        @Override
        public void setCharacterStream(int a0, Reader a1) throws SQLException {
            real.setCharacterStream(a0, a1);
        }

        @Override
        public void setNCharacterStream(int a0, Reader a1) throws SQLException {
            real.setNCharacterStream(a0, a1);
        }

        @Override
        public void setClob(int a0, Reader a1) throws SQLException {
            real.setClob(a0, a1);
        }

        @Override
        public void setBlob(int a0, InputStream a1) throws SQLException {
            real.setBlob(a0, a1);
        }

        @Override
        public void setNClob(int a0, Reader a1) throws SQLException {
            real.setNClob(a0, a1);
        }

        @Override
        public void setObject(int a0, Object a1, SQLType a2, int a3) throws SQLException {
            real.setObject(a0, a1, a2, a3);
        }

        @Override
        public void setObject(int a0, Object a1, SQLType a2) throws SQLException {
            real.setObject(a0, a1, a2);
        }

        @Override
        public long executeLargeUpdate() throws SQLException {
            beforeRun.accept(sql);
            return real.executeLargeUpdate();
        }
    }

    /** A callable statement whose every method calls the same method of another (see {@link OfStatement}). */
    static final class OfCallable extends OfPrepared<CallableStatement> implements CallableStatement {
        OfCallable(CallableStatement real, Connection connection, String sql, BeforeRun beforeRun) {
            super(real, connection, sql, beforeRun);
        }

        @Override
        public void registerOutParameter(int a0, int a1) throws SQLException {
            real.registerOutParameter(a0, a1);
        }

        @Override
        public void registerOutParameter(int a0, int a1, int a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public boolean wasNull() throws SQLException {
            return real.wasNull();
        }

        @Override
        public String getString(int a0) throws SQLException {
            return real.getString(a0);
        }

        @Override
        public boolean getBoolean(int a0) throws SQLException {
            return real.getBoolean(a0);
        }

        @Override
        public byte getByte(int a0) throws SQLException {
            return real.getByte(a0);
        }

        @Override
        public short getShort(int a0) throws SQLException {
            return real.getShort(a0);
        }

        @Override
        public int getInt(int a0) throws SQLException {
            return real.getInt(a0);
        }

        @Override
        public long getLong(int a0) throws SQLException {
            return real.getLong(a0);
        }

        @Override
        public float getFloat(int a0) throws SQLException {
            return real.getFloat(a0);
        }

        @Override
        public double getDouble(int a0) throws SQLException {
            return real.getDouble(a0);
        }

        @Override
        public BigDecimal getBigDecimal(int a0, int a1) throws SQLException {
            return real.getBigDecimal(a0, a1);
        }

        @Override
        public byte[] getBytes(int a0) throws SQLException {
            return real.getBytes(a0);
        }

        @Override
        public Date getDate(int a0) throws SQLException {
            return real.getDate(a0);
        }

        @Override
        public Time getTime(int a0) throws SQLException {
            return real.getTime(a0);
        }

        @Override
        public Timestamp getTimestamp(int a0) throws SQLException {
            return real.getTimestamp(a0);
        }

        @Override
        public Object getObject(int a0) throws SQLException {
            return real.getObject(a0);
        }

        @Override
        public BigDecimal getBigDecimal(int a0) throws SQLException {
            return real.getBigDecimal(a0);
        }

        @Override
        public Object getObject(int a0, Map<String, Class<?>> a1) throws SQLException {
            return real.getObject(a0, a1);
        }

        @Override
        public Ref getRef(int a0) throws SQLException {
            return real.getRef(a0);
        }

        @Override
        public Blob getBlob(int a0) throws SQLException {
            return real.getBlob(a0);
        }

        @Override
        public Clob getClob(int a0) throws SQLException {
            return real.getClob(a0);
        }

        @Override
        public Array getArray(int a0) throws SQLException {
            return real.getArray(a0);
        }

        @Override
        public Date getDate(int a0, Calendar a1) throws SQLException {
            return real.getDate(a0, a1);
        }

        @Override
        public Time getTime(int a0, Calendar a1) throws SQLException {
            return real.getTime(a0, a1);
        }

        @Override
        public Timestamp getTimestamp(int a0, Calendar a1) throws SQLException {
            return real.getTimestamp(a0, a1);
        }

        @Override
        public void registerOutParameter(int a0, int a1, String a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(String a0, int a1) throws SQLException {
            real.registerOutParameter(a0, a1);
        }

        @Override
        public void registerOutParameter(String a0, int a1, int a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(String a0, int a1, String a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public URL getURL(int a0) throws SQLException {
            return real.getURL(a0);
        }

        @Override
        public void setURL(String a0, URL a1) throws SQLException {
            real.setURL(a0, a1);
        }

        @Override
        public void setNull(String a0, int a1) throws SQLException {
            real.setNull(a0, a1);
        }

        @Override
        public void setBoolean(String a0, boolean a1) throws SQLException {
            real.setBoolean(a0, a1);
        }

        @Override
        public void setByte(String a0, byte a1) throws SQLException {
            real.setByte(a0, a1);
        }

        @Override
        public void setShort(String a0, short a1) throws SQLException {
            real.setShort(a0, a1);
        }

        @Override
        public void setInt(String a0, int a1) throws SQLException {
            real.setInt(a0, a1);
        }

        @Override
        public void setLong(String a0, long a1) throws SQLException {
            real.setLong(a0, a1);
        }

        @Override
        public void setFloat(String a0, float a1) throws SQLException {
            real.setFloat(a0, a1);
        }

        @Override
        public void setDouble(String a0, double a1) throws SQLException {
            real.setDouble(a0, a1);
        }

        @Override
        public void setBigDecimal(String a0, BigDecimal a1) throws SQLException {
            real.setBigDecimal(a0, a1);
        }

        @Override
        public void setString(String a0, String a1) throws SQLException {
            real.setString(a0, a1);
        }

        @Override
        public void setBytes(String a0, byte[] a1) throws SQLException {
            real.setBytes(a0, a1);
        }

        @Override
        public void setDate(String a0, Date a1) throws SQLException {
            real.setDate(a0, a1);
        }

        @Override
        public void setTime(String a0, Time a1) throws SQLException {
            real.setTime(a0, a1);
        }

        @Override
        public void setTimestamp(String a0, Timestamp a1) throws SQLException {
            real.setTimestamp(a0, a1);
        }

        @Override
        public void setAsciiStream(String a0, InputStream a1, int a2) throws SQLException {
            real.setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(String a0, InputStream a1, int a2) throws SQLException {
            real.setBinaryStream(a0, a1, a2);
        }

        @Override
        public void setObject(String a0, Object a1, int a2, int a3) throws SQLException {
            real.setObject(a0, a1, a2, a3);
        }

        @Override
        public void setObject(String a0, Object a1, int a2) throws SQLException {
            real.setObject(a0, a1, a2);
        }

        @Override
        public void setObject(String a0, Object a1) throws SQLException {
            real.setObject(a0, a1);
        }

        @Override
        public void setCharacterStream(String a0, Reader a1, int a2) throws SQLException {
            real.setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setDate(String a0, Date a1, Calendar a2) throws SQLException {
            real.setDate(a0, a1, a2);
        }

        @Override
        public void setTime(String a0, Time a1, Calendar a2) throws SQLException {
            real.setTime(a0, a1, a2);
        }

        @Override
        public void setTimestamp(String a0, Timestamp a1, Calendar a2) throws SQLException {
            real.setTimestamp(a0, a1, a2);
        }

        @Override
        public void setNull(String a0, int a1, String a2) throws SQLException {
            real.setNull(a0, a1, a2);
        }

        @Override
        public String getString(String a0) throws SQLException {
            return real.getString(a0);
        }

        @Override
        public boolean getBoolean(String a0) throws SQLException {
            return real.getBoolean(a0);
        }

        @Override
        public byte getByte(String a0) throws SQLException {
            return real.getByte(a0);
        }

        @Override
        public short getShort(String a0) throws SQLException {
            return real.getShort(a0);
        }

        @Override
        public int getInt(String a0) throws SQLException {
            return real.getInt(a0);
        }

        @Override
        public long getLong(String a0) throws SQLException {
            return real.getLong(a0);
        }

        @Override
        public float getFloat(String a0) throws SQLException {
            return real.getFloat(a0);
        }

        @Override
        public double getDouble(String a0) throws SQLException {
            return real.getDouble(a0);
        }

        @Override
        public byte[] getBytes(String a0) throws SQLException {
            return real.getBytes(a0);
        }

        @Override
        public Date getDate(String a0) throws SQLException {
            return real.getDate(a0);
        }

        @Override
        public Time getTime(String a0) throws SQLException {
            return real.getTime(a0);
        }

        @Override
        public Timestamp getTimestamp(String a0) throws SQLException {
            return real.getTimestamp(a0);
        }

        @Override
        public Object getObject(String a0) throws SQLException {
            return real.getObject(a0);
        }

        @Override
        public BigDecimal getBigDecimal(String a0) throws SQLException {
            return real.getBigDecimal(a0);
        }

        @Override
        public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException {
            return real.getObject(a0, a1);
        }

        @Override
        public Ref getRef(String a0) throws SQLException {
            return real.getRef(a0);
        }

        @Override
        public Blob getBlob(String a0) throws SQLException {
            return real.getBlob(a0);
        }

        @Override
        public Clob getClob(String a0) throws SQLException {
            return real.getClob(a0);
        }

        @Override
        public Array getArray(String a0) throws SQLException {
            return real.getArray(a0);
        }

        @Override
        public Date getDate(String a0, Calendar a1) throws SQLException {
            return real.getDate(a0, a1);
        }

        @Override
        public Time getTime(String a0, Calendar a1) throws SQLException {
            return real.getTime(a0, a1);
        }

        @Override
        public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException {
            return real.getTimestamp(a0, a1);
        }

        @Override
        public URL getURL(String a0) throws SQLException {
            return real.getURL(a0);
        }

        @Override
        public RowId getRowId(int a0) throws SQLException {
            return real.getRowId(a0);
        }

        @Override
        public RowId getRowId(String a0) throws SQLException {
            return real.getRowId(a0);
        }

        @Override
        public void setRowId(String a0, RowId a1) throws SQLException {
            real.setRowId(a0, a1);
        }

        @Override
        public void setNString(String a0, String a1) throws SQLException {
            real.setNString(a0, a1);
        }

        @Override
        public void setNCharacterStream(String a0, Reader a1, long a2) throws SQLException {
            real.setNCharacterStream(a0, a1, a2);
        }

        @Override
        public void setNClob(String a0, NClob a1) throws SQLException {
            real.setNClob(a0, a1);
        }

        @Override
        public void setClob(String a0, Reader a1, long a2) throws SQLException {
            real.setClob(a0, a1, a2);
        }

        @Override
        public void setBlob(String a0, InputStream a1, long a2) throws SQLException {
            real.setBlob(a0, a1, a2);
        }

        @Override
        public void setNClob(String a0, Reader a1, long a2) throws SQLException {
            real.setNClob(a0, a1, a2);
        }

        @Override
        public NClob getNClob(int a0) throws SQLException {
            return real.getNClob(a0);
        }

        @Override
        public NClob getNClob(String a0) throws SQLException {
            return real.getNClob(a0);
        }

        @Override
        public void setSQLXML(String a0, SQLXML a1) throws SQLException {
            real.setSQLXML(a0, a1);
        }

        @Override
        public SQLXML getSQLXML(int a0) throws SQLException {
            return real.getSQLXML(a0);
        }

        @Override
        public SQLXML getSQLXML(String a0) throws SQLException {
            return real.getSQLXML(a0);
        }

        @Override
        public String getNString(int a0) throws SQLException {
            return real.getNString(a0);
        }

        @Override
        public String getNString(String a0) throws SQLException {
            return real.getNString(a0);
        }

        @Override
        public Reader getNCharacterStream(int a0) throws SQLException {
            return real.getNCharacterStream(a0);
        }

        @Override
        public Reader getNCharacterStream(String a0) throws SQLException {
            return real.getNCharacterStream(a0);
        }

        @Override
        public Reader getCharacterStream(int a0) throws SQLException {
            return real.getCharacterStream(a0);
        }

        @Override
        public Reader getCharacterStream(String a0) throws SQLException {
            return real.getCharacterStream(a0);
        }

        @Override
        public void setBlob(String a0, Blob a1) throws SQLException {
            real.setBlob(a0, a1);
        }

        @Override
        public void setClob(String a0, Clob a1) throws SQLException {
            real.setClob(a0, a1);
        }

        @Override
        public void setAsciiStream(String a0, InputStream a1, long a2) throws SQLException {
            real.setAsciiStream(a0, a1, a2);
        }

        @Override
        public void setBinaryStream(String a0, InputStream a1, long a2) throws SQLException {
            real.setBinaryStream(a0, a1, a2);
        }

        @Override
        public void setCharacterStream(String a0, Reader a1, long a2) throws SQLException {
            real.setCharacterStream(a0, a1, a2);
        }

        @Override
        public void setAsciiStream(String a0, InputStream a1) throws SQLException {
            real.setAsciiStream(a0, a1);
        }

        @Override
        public void setBinaryStream(String a0, InputStream a1) throws SQLException {
            real.setBinaryStream(a0, a1);
        }

        @Override
        public void setCharacterStream(String a0, Reader a1) throws SQLException {
            real.setCharacterStream(a0, a1);
        }

        @Override
        public void setNCharacterStream(String a0, Reader a1) throws SQLException {
            real.setNCharacterStream(a0, a1);
        }

        @Override
        public void setClob(String a0, Reader a1) throws SQLException {
            real.setClob(a0, a1);
        }

        @Override
        public void setBlob(String a0, InputStream a1) throws SQLException {
            real.setBlob(a0, a1);
        }

        @Override
        public void setNClob(String a0, Reader a1) throws SQLException {
            real.setNClob(a0, a1);
        }

        @Override
        public <T> T getObject(int a0, Class<T> a1) throws SQLException {
            return real.getObject(a0, a1);
        }

        @Override
        public <T> T getObject(String a0, Class<T> a1) throws SQLException {
            return real.getObject(a0, a1);
        }

        @Override
        public void setObject(String a0, Object a1, SQLType a2, int a3) throws SQLException {
            real.setObject(a0, a1, a2, a3);
        }

        @Override
        public void setObject(String a0, Object a1, SQLType a2) throws SQLException {
            real.setObject(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(int a0, SQLType a1) throws SQLException {
            real.registerOutParameter(a0, a1);
        }

        @Override
        public void registerOutParameter(int a0, SQLType a1, int a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(int a0, SQLType a1, String a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(String a0, SQLType a1) throws SQLException {
            real.registerOutParameter(a0, a1);
        }

        @Override
        public void registerOutParameter(String a0, SQLType a1, int a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }

        @Override
        public void registerOutParameter(String a0, SQLType a1, String a2) throws SQLException {
            real.registerOutParameter(a0, a1, a2);
        }
    }
}
