package io.glint.skill.memo.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.h2.jdbcx.JdbcDataSource;

/**
 * The wearer's notes and lists in an embedded H2 database ({@code <dir>/memo.mv.db}). Every change is one
 * transaction, committed before the method returns; the database is opened with {@code WRITE_DELAY=0}, so H2
 * writes each commit to the file at once instead of up to half a second later: a commit survives the hub's
 * process being killed. The schema carries a version; a database written by a newer version of the skill is
 * refused rather than misread.
 * <p>
 * Thread-safe: one connection, used under this object's lock.
 */
public final class MemoStore implements AutoCloseable {
    /** The schema this code reads and writes. */
    static final int SCHEMA_VERSION = 1;

    /** A free note: "I parked on level 3, bay 42". */
    public record Note(long id, String text, String lang, Instant created) {
    }

    /** A named list; {@code key} is the canonical name ("shopping" for "grocery list" and "购物清单" too). */
    public record MemoList(long id, String key, String name, String lang, int items, Instant updated) {
    }

    /** An item of a list. */
    public record Item(long id, long listId, String text, Instant created) {
    }

    private final Connection connection;
    private final Path file;

    private MemoStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /**
     * Opens (creating if needed) the database in {@code dir}.
     *
     * @throws SQLException when the database cannot be opened, with H2's reason, or when it was written by a newer
     *                      schema than this code knows
     */
    public static MemoStore open(Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("Cannot create the memo folder " + dir + ": " + e.getMessage(), e);
        }
        Path base = dir.toAbsolutePath().resolve("memo");
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";WRITE_DELAY=0");
        Connection c = ds.getConnection();
        try {
            c.setAutoCommit(false);
            migrate(c);
            c.commit();
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new MemoStore(c, Path.of(base + ".mv.db"));
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private static void migrate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta(k VARCHAR(50) PRIMARY KEY, v VARCHAR(200) NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT v FROM meta WHERE k = 'schema'")) {
                if (rs.next()) {
                    version = Integer.parseInt(rs.getString(1));
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("The memo database has schema version " + version + ", newer than this skill's "
                        + SCHEMA_VERSION + ": install the newer memo skill again, or move the memo folder aside");
            }
            if (version < 1) {
                s.execute("CREATE TABLE notes(id BIGINT AUTO_INCREMENT PRIMARY KEY, wearer VARCHAR(200) NOT NULL, "
                        + "text VARCHAR(2000) NOT NULL, lang VARCHAR(8) NOT NULL, created BIGINT NOT NULL)");
                s.execute("CREATE INDEX notes_wearer ON notes(wearer)");
                s.execute("CREATE TABLE note_vectors(note_id BIGINT NOT NULL REFERENCES notes(id) ON DELETE CASCADE, "
                        + "model VARCHAR(200) NOT NULL, vector VARBINARY(16384) NOT NULL, PRIMARY KEY(note_id, model))");
                s.execute("CREATE TABLE lists(id BIGINT AUTO_INCREMENT PRIMARY KEY, wearer VARCHAR(200) NOT NULL, "
                        + "list_key VARCHAR(200) NOT NULL, name VARCHAR(200) NOT NULL, lang VARCHAR(8) NOT NULL, "
                        + "created BIGINT NOT NULL, updated BIGINT NOT NULL, UNIQUE(wearer, list_key))");
                s.execute("CREATE TABLE items(id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "list_id BIGINT NOT NULL REFERENCES lists(id) ON DELETE CASCADE, text VARCHAR(1000) NOT NULL, "
                        + "created BIGINT NOT NULL)");
                s.execute("MERGE INTO meta KEY(k) VALUES('schema', '1')");
            }
        }
    }

    public synchronized Note addNote(String wearer, String text, String lang, Instant at) throws SQLException {
        long id;
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO notes(wearer, text, lang, created) VALUES(?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, wearer);
            p.setString(2, text);
            p.setString(3, lang);
            p.setLong(4, at.toEpochMilli());
            p.executeUpdate();
            id = generated(p);
        }
        commit();
        return new Note(id, text, lang, at);
    }

    /** The wearer's notes, newest first. */
    public synchronized List<Note> notes(String wearer) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT id, text, lang, created FROM notes WHERE wearer = ? ORDER BY created DESC, id DESC")) {
            p.setString(1, wearer);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(note(rs));
                }
            }
        }
        connection.commit();
        return out;
    }

    /** The vectors the model made of the wearer's notes, by note id; notes it has not encoded yet are absent. */
    public synchronized Map<Long, float[]> vectors(String wearer, String model) throws SQLException {
        Map<Long, float[]> out = new HashMap<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT v.note_id, v.vector FROM note_vectors v "
                + "JOIN notes n ON n.id = v.note_id WHERE n.wearer = ? AND v.model = ?")) {
            p.setString(1, wearer);
            p.setString(2, model);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), floats(rs.getBytes(2)));
                }
            }
        }
        connection.commit();
        return out;
    }

    /** A note from a row of {@code id, text, lang, created}. */
    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getLong(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    /** Notes (of any wearer) the model has not encoded yet, at most {@code limit}. */
    public synchronized List<Note> notesWithoutVector(String model, int limit) throws SQLException {
        List<Note> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT id, text, lang, created FROM notes n "
                + "WHERE NOT EXISTS (SELECT 1 FROM note_vectors v WHERE v.note_id = n.id AND v.model = ?) "
                + "ORDER BY id LIMIT ?")) {
            p.setString(1, model);
            p.setInt(2, limit);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(note(rs));
                }
            }
        }
        connection.commit();
        return out;
    }

    /** Keeps the model's vector of a note (replacing an older one of the same model); no-op if the note is gone. */
    public synchronized void putVector(long noteId, String model, float[] vector) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("MERGE INTO note_vectors(note_id, model, vector) "
                + "KEY(note_id, model) SELECT id, ?, ? FROM notes WHERE id = ?")) {
            p.setString(1, model);
            p.setBytes(2, bytes(vector));
            p.setLong(3, noteId);
            p.executeUpdate();
        }
        commit();
    }

    public synchronized boolean deleteNote(long id) throws SQLException {
        int n;
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM notes WHERE id = ?")) {
            p.setLong(1, id);
            n = p.executeUpdate();
        }
        commit();
        return n > 0;
    }

    /** The wearer's lists, most recently changed first, with their item counts. */
    public synchronized List<MemoList> lists(String wearer) throws SQLException {
        List<MemoList> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement("SELECT l.id, l.list_key, l.name, l.lang, "
                + "(SELECT COUNT(*) FROM items i WHERE i.list_id = l.id), l.updated FROM lists l WHERE l.wearer = ? "
                + "ORDER BY l.updated DESC, l.id DESC")) {
            p.setString(1, wearer);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new MemoList(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
            }
        }
        connection.commit();
        return out;
    }

    public synchronized Optional<MemoList> list(String wearer, String key) throws SQLException {
        return lists(wearer).stream().filter(l -> l.key().equals(key)).findFirst();
    }

    /** Creates the list, or returns the one of that key the wearer already has. */
    public synchronized MemoList createList(String wearer, String key, String name, String lang, Instant at)
            throws SQLException {
        Optional<MemoList> existing = list(wearer, key);
        if (existing.isPresent()) {
            return existing.get();
        }
        long id;
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO lists(wearer, list_key, name, lang, "
                + "created, updated) VALUES(?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, wearer);
            p.setString(2, key);
            p.setString(3, name);
            p.setString(4, lang);
            p.setLong(5, at.toEpochMilli());
            p.setLong(6, at.toEpochMilli());
            p.executeUpdate();
            id = generated(p);
        }
        commit();
        return new MemoList(id, key, name, lang, 0, at);
    }

    /** The list's items, oldest first. */
    public synchronized List<Item> items(long listId) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT id, text, created FROM items WHERE list_id = ? ORDER BY id")) {
            p.setLong(1, listId);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(new Item(rs.getLong(1), listId, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        }
        connection.commit();
        return out;
    }

    /** Adds the items in one transaction: all of them or none. */
    public synchronized List<Item> addItems(long listId, List<String> texts, Instant at) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(
                "INSERT INTO items(list_id, text, created) VALUES(?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            for (String text : texts) {
                p.setLong(1, listId);
                p.setString(2, text);
                p.setLong(3, at.toEpochMilli());
                p.executeUpdate();
                out.add(new Item(generated(p), listId, text, at));
            }
            touch(listId, at);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        commit();
        return out;
    }

    /** Removes the items in one transaction; the number removed. */
    public synchronized int removeItems(long listId, List<Long> ids, Instant at) throws SQLException {
        int n = 0;
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM items WHERE id = ? AND list_id = ?")) {
            for (long id : ids) {
                p.setLong(1, id);
                p.setLong(2, listId);
                n += p.executeUpdate();
            }
            touch(listId, at);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        commit();
        return n;
    }

    /** Empties the list, keeping it; the number of items removed. */
    public synchronized int clear(long listId, Instant at) throws SQLException {
        int n;
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM items WHERE list_id = ?")) {
            p.setLong(1, listId);
            n = p.executeUpdate();
            touch(listId, at);
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        commit();
        return n;
    }

    /** Deletes the list and its items. */
    public synchronized boolean dropList(long listId) throws SQLException {
        int n;
        try (PreparedStatement p = connection.prepareStatement("DELETE FROM lists WHERE id = ?")) {
            p.setLong(1, listId);
            n = p.executeUpdate();
        }
        commit();
        return n > 0;
    }

    private void touch(long listId, Instant at) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE lists SET updated = ? WHERE id = ?")) {
            p.setLong(1, at.toEpochMilli());
            p.setLong(2, listId);
            p.executeUpdate();
        }
    }

    private void commit() throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private static long generated(PreparedStatement p) throws SQLException {
        try (ResultSet keys = p.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("H2 returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    static byte[] bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    static float[] floats(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    @Override
    public synchronized void close() throws SQLException {
        if (!connection.isClosed()) {
            connection.close();
        }
    }
}
