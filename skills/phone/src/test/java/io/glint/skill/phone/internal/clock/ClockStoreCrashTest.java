package io.glint.skill.phone.internal.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the skill told the wearer was saved must be there after the hub is killed: a writer in a separate JVM is
 * killed with SIGKILL ({@link Process#destroyForcibly()} on Linux) in the middle of its writes, three times over the
 * same database; each time the database must open cleanly and hold every write the writer acknowledged.
 */
class ClockStoreCrashTest {

    @Test
    void every_acknowledged_write_survives_kill_minus_nine(@TempDir Path dir) throws Exception {
        Map<Long, String> acknowledged = new HashMap<>();
        for (int round = 0; round < 3; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KillWriter.class.getName(), dir.toString(),
                    "round" + round).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int seen = 0;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                int target = 150 + round * 97; // a different point in the stream each round
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        String[] f = line.split(" ");
                        acknowledged.put(Long.parseLong(f[1]), f[2]);
                        if (++seen == target) {
                            // SIGKILL (as Process.destroyForcibly) through the handle, which leaves our end of the
                            // pipe open: acknowledgements already written are still read below
                            writer.toHandle().destroyForcibly();
                        }
                    }
                }
            }
            assertTrue(writer.waitFor(60, TimeUnit.SECONDS), "the writer did not die");
            assertTrue(seen >= 150, "the writer acknowledged only " + seen + " writes before it ended; exit "
                    + writer.exitValue());
            assertEquals(137, writer.exitValue(), "the writer should have been killed by SIGKILL");

            try (ClockStore store = ClockStore.open(dir)) {
                List<ClockStore.Item> all = store.pending(ClockStore.Kind.REMINDER);
                Map<Long, String> stored = new HashMap<>();
                all.forEach(i -> stored.put(i.id(), i.label()));
                for (Map.Entry<Long, String> ack : acknowledged.entrySet()) {
                    assertEquals(ack.getValue(), stored.get(ack.getKey()), "acknowledged write " + ack.getKey()
                            + " (" + ack.getValue() + ") is missing after the kill in round " + round);
                }
                // a write can land without its acknowledgement having been printed, never the other way round
                assertTrue(stored.size() >= acknowledged.size());
            }
        }
    }
}
