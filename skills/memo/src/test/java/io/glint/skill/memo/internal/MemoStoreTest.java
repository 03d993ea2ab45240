package io.glint.skill.memo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database as the hub's restarts and crashes meet it. */
class MemoStoreTest {
    @TempDir
    Path dir;

    @Test
    void memos_lists_and_vectors_outlive_a_restart() throws Exception {
        Instant t = Instant.parse("2026-03-03T10:00:00Z");
        try (MemoStore store = MemoStore.open(dir)) {
            MemoStore.Note n = store.addNote("w", "I parked on level 3, bay 42", "en", t);
            store.putVector(n.id(), "model-a", new float[] {0.6f, 0.8f});
            MemoStore.MemoList l = store.createList("w", "shopping", "shopping", "en", t);
            store.addItems(l.id(), List.of("milk", "eggs"), t);
        }
        try (MemoStore store = MemoStore.open(dir)) {
            List<MemoStore.Note> notes = store.notes("w");
            assertEquals(1, notes.size());
            assertEquals("I parked on level 3, bay 42", notes.get(0).text());
            assertEquals(t, notes.get(0).created());
            assertArrayEquals(new float[] {0.6f, 0.8f}, store.vectors("w", "model-a").get(notes.get(0).id()));
            assertTrue(store.vectors("w", "model-b").isEmpty(), "another model has encoded nothing yet");
            assertEquals(1, store.notesWithoutVector("model-b", 10).size());
            MemoStore.MemoList l = store.list("w", "shopping").orElseThrow();
            assertEquals(2, l.items());
            assertEquals(List.of("milk", "eggs"), store.items(l.id()).stream().map(MemoStore.Item::text).toList());
            assertTrue(store.notes("someone else").isEmpty(), "memos are the wearer's own");
        }
    }

    @Test
    void a_database_of_a_newer_schema_is_refused_not_misread() throws Exception {
        MemoStore.open(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.toAbsolutePath().resolve("memo"));
                Statement s = c.createStatement()) {
            s.execute("UPDATE meta SET v = '99' WHERE k = 'schema'");
        }
        SQLException e = assertThrows(SQLException.class, () -> MemoStore.open(dir));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
    }

    @Test
    void every_acknowledged_write_survives_kill_9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                MemoWriter.class.getName(), dir.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<Integer> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("ready", out.readLine());
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(Integer.parseInt(line.substring(3)));
                if (acknowledged.size() == 300) {
                    writer.destroyForcibly(); // SIGKILL on Linux, while the writer is still writing
                    break;
                }
            }
        }
        writer.waitFor();
        assertEquals(137, writer.exitValue(), "killed by SIGKILL");
        assertEquals(300, acknowledged.size());
        try (MemoStore store = MemoStore.open(dir)) {
            Set<String> notes = new HashSet<>();
            store.notes("w").forEach(n -> notes.add(n.text()));
            MemoStore.MemoList list = store.list("w", "shopping").orElseThrow();
            Set<String> items = new HashSet<>();
            store.items(list.id()).forEach(i -> items.add(i.text()));
            for (int i : acknowledged) {
                if (i % 2 == 0) {
                    assertTrue(notes.contains("note " + i), "acknowledged note " + i + " lost");
                } else {
                    assertTrue(items.contains("item " + i), "acknowledged item " + i + " lost");
                }
            }
            // the database still takes writes after the crash
            store.addNote("w", "after the crash", "en", Instant.now());
            assertTrue(store.notes("w").stream().anyMatch(n -> n.text().equals("after the crash")));
        }
        assertTrue(new File(dir.toFile(), "memo.mv.db").isFile());
    }
}
