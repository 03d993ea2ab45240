package io.glint.skill.phone.internal.clock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Alarms, timers and reminders in an H2 database file. Every change is one auto-committed statement, and the
 * database runs with {@code WRITE_DELAY=0}: H2 keeps no redo log, so with its default delay a commit lives only in
 * memory for up to half a second; with 0 each commit is written to the file before the statement returns, so what
 * the wearer was told is saved survives the process being killed. Opened through {@link org.h2.Driver} directly:
 * in the hub H2 is a bundle of its own and {@code DriverManager} does not see across bundles.
 */
public final class ClockStore implements AutoCloseable {
    /** The schema this code reads and writes; a database with a newer one was written by a newer hub. */
    static final int SCHEMA_VERSION = 1;

    public enum Kind {
        ALARM, TIMER, REMINDER
    }

    public enum State {
        PENDING, FIRED, CANCELLED
    }

    /** One alarm, timer or reminder. {@code due} is null for a reminder without a time. */
    public record Item(long id, Kind kind, Instant due, String label, String lang, Instant created, State state) {
    }

    private final Connection connection;
    private final Path file;

    private ClockStore(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    /** Opens (or creates) {@code dir/clock.mv.db}. */
    public static ClockStore open(Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new SQLException("Cannot create the clock's data directory " + dir + ": " + e.getMessage()
                    + "; check that the hub may write there", e);
        }
        Path base = dir.toAbsolutePath().resolve("clock");
        // async: writes through AsynchronousFileChannel, which an interrupted thread cannot close under H2's feet (the
        // hub interrupts a skill that runs over its budget; a plain FileChannel would then leave the store unusable)
        Connection c = new org.h2.Driver().connect("jdbc:h2:async:" + base + ";WRITE_DELAY=0", new Properties());
        if (c == null) {
            throw new SQLException("H2 did not accept the URL for " + base);
        }
        try {
            migrate(c, base);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new ClockStore(c, base);
    }

    private static void migrate(Connection c, Path base) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS clock_schema (version INT NOT NULL)");
            int version = 0;
            try (ResultSet r = s.executeQuery("SELECT MAX(version) FROM clock_schema")) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
            if (version > SCHEMA_VERSION) {
                throw new SQLException("The clock database " + base + ".mv.db has schema version " + version
                        + ", newer than this skill's " + SCHEMA_VERSION + "; install the newer phone skill again, or "
                        + "move the file away to start with no alarms");
            }
            if (version < 1) {
                s.execute("CREATE TABLE IF NOT EXISTS clock_item (id BIGINT AUTO_INCREMENT PRIMARY KEY, "
                        + "kind VARCHAR(16) NOT NULL, due_ms BIGINT, label VARCHAR(500), lang VARCHAR(8) NOT NULL, "
                        + "created_ms BIGINT NOT NULL, state VARCHAR(16) NOT NULL, fired_ms BIGINT, late BOOLEAN)");
                s.execute("CREATE INDEX IF NOT EXISTS clock_item_due ON clock_item (state, due_ms)");
                s.execute("INSERT INTO clock_schema VALUES (1)");
            }
        }
    }

    /** Where the database lives, without H2's ".mv.db". */
    public Path file() {
        return file;
    }

    /** Saves a new pending item; once this returns, it is on disk. */
    public synchronized Item add(Kind kind, Instant due, String label, String lang, Instant created)
            throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO clock_item (kind, due_ms, label, lang, "
                + "created_ms, state) VALUES (?, ?, ?, ?, ?, 'PENDING')", Statement.RETURN_GENERATED_KEYS)) {
            p.setString(1, kind.name());
            if (due == null) {
                p.setNull(2, Types.BIGINT);
            } else {
                p.setLong(2, due.toEpochMilli());
            }
            p.setString(3, label == null || label.isBlank() ? null : clip(label.strip(), 500));
            p.setString(4, lang);
            p.setLong(5, created.toEpochMilli());
            p.executeUpdate();
            try (ResultSet keys = p.getGeneratedKeys()) {
                keys.next();
                return new Item(keys.getLong(1), kind, due, label == null || label.isBlank() ? null
                        : clip(label.strip(), 500), lang, created, State.PENDING);
            }
        }
    }

    /** Pending items of a kind (all kinds when null), soonest first, those without a time last. */
    public synchronized List<Item> pending(Kind kind) throws SQLException {
        String sql = "SELECT * FROM clock_item WHERE state = 'PENDING'" + (kind == null ? "" : " AND kind = ?")
                + " ORDER BY due_ms NULLS LAST, id";
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            if (kind != null) {
                p.setString(1, kind.name());
            }
            return read(p);
        }
    }

    /** Pending items with a time at or before {@code upTo}, oldest first. */
    public synchronized List<Item> due(Instant upTo) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM clock_item WHERE state = 'PENDING' "
                + "AND due_ms IS NOT NULL AND due_ms <= ? ORDER BY due_ms, id")) {
            p.setLong(1, upTo.toEpochMilli());
            return read(p);
        }
    }

    /** When the next pending item is due. */
    public synchronized Optional<Instant> nextDue() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT MIN(due_ms) FROM clock_item WHERE state = 'PENDING' "
                        + "AND due_ms IS NOT NULL")) {
            r.next();
            long v = r.getLong(1);
            return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
        }
    }

    public synchronized Optional<Item> get(long id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT * FROM clock_item WHERE id = ?")) {
            p.setLong(1, id);
            List<Item> found = read(p);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    /** Cancels a pending item; false when it was not pending (already fired or cancelled). */
    public synchronized boolean cancel(long id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE clock_item SET state = 'CANCELLED' "
                + "WHERE id = ? AND state = 'PENDING'")) {
            p.setLong(1, id);
            return p.executeUpdate() == 1;
        }
    }

    /** Marks a pending item fired, at {@code at}; {@code late} when it fired after the hub had been down. */
    public synchronized boolean fired(long id, Instant at, boolean late) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("UPDATE clock_item SET state = 'FIRED', fired_ms = ?, "
                + "late = ? WHERE id = ? AND state = 'PENDING'")) {
            p.setLong(1, at.toEpochMilli());
            p.setBoolean(2, late);
            p.setLong(3, id);
            return p.executeUpdate() == 1;
        }
    }

    /** Whether an item fired late (for tests and the log). */
    public synchronized boolean firedLate(long id) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT late FROM clock_item WHERE id = ?")) {
            p.setLong(1, id);
            try (ResultSet r = p.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private static List<Item> read(PreparedStatement p) throws SQLException {
        List<Item> out = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
            while (r.next()) {
                long due = r.getLong("due_ms");
                Instant dueAt = r.wasNull() ? null : Instant.ofEpochMilli(due);
                out.add(new Item(r.getLong("id"), Kind.valueOf(r.getString("kind")), dueAt, r.getString("label"),
                        r.getString("lang"), Instant.ofEpochMilli(r.getLong("created_ms")),
                        State.valueOf(r.getString("state"))));
            }
        }
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
