package io.glint.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import io.glint.bridge.pairing.PairingStore;

@Timeout(60)
class GlassesCommandsTest {
    @TempDir
    Path home;

    /** The terminal rendering decodes back to the text: each character is two module rows, blocks are light. */
    @Test
    void the_terminal_qr_code_decodes_to_the_credentials() throws Exception {
        String text = "{\"identity\":\"anna\",\"key\":\"" + PairingStore.newKey() + "\",\"hub\":\"coaps://127.0.0.1:5684\"}";
        List<String> rows = QrCode.render(text).lines().toList();
        int width = rows.get(0).length();
        int scale = 4;
        int[] pixels = new int[width * scale * rows.size() * 2 * scale];
        int w = width * scale;
        for (int r = 0; r < rows.size(); r++) {
            for (int x = 0; x < width; x++) {
                char c = rows.get(r).charAt(x);
                boolean topLight = c == '█' || c == '▀';
                boolean bottomLight = c == '█' || c == '▄';
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        pixels[(r * 2 * scale + dy) * w + x * scale + dx] = topLight ? 0xFFFFFFFF : 0xFF000000;
                        pixels[((r * 2 + 1) * scale + dy) * w + x * scale + dx] = bottomLight ? 0xFFFFFFFF : 0xFF000000;
                    }
                }
            }
        }
        var source = new com.google.zxing.RGBLuminanceSource(w, rows.size() * 2 * scale, pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.FALSE)).getText();
        assertEquals(text, decoded);
        BitMatrix m = QrCode.matrix(text);
        assertEquals(m.getWidth(), width);
    }

    @Test
    void pair_writes_an_owner_only_file_and_unpair_revokes() throws Exception {
        Files.createDirectories(home.resolve("bundle"));
        assertEquals(0, Main.run("--home", home.toString(), "pair", "--json", "anna"));
        Path file = home.resolve("data/glasses-pairs.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(new PairingStore(file).find("anna").orElseThrow().key().matches("[0-9a-f]{32}"));
        assertEquals(2, Main.run("--home", home.toString(), "pair", "anna"), "paired already");
        assertEquals(2, Main.run("--home", home.toString(), "pair", "no spaces"), "bad name");
        assertEquals(0, Main.run("--home", home.toString(), "unpair", "anna"));
        assertTrue(new PairingStore(file).find("anna").isEmpty());
        assertEquals(2, Main.run("--home", home.toString(), "unpair", "anna"), "not paired");
    }

    @Test
    void say_without_a_running_hub_fails_within_its_timeout() throws Exception {
        Files.createDirectories(home.resolve("bundle"));
        assertEquals(0, Main.run("--home", home.toString(), "pair", "--json", "anna"));
        int port;
        try (var s = new java.net.DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        assertEquals(SayCommand.REFUSED, Main.run("--home", home.toString(), "say", "--port", String.valueOf(port),
                "--timeout-ms", "1500", "turn on the kitchen light"));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 10_000);
        assertEquals(2, Main.run("--home", home.toString(), "say", "--port", String.valueOf(port),
                "--position", "48.1374;11.5755", "where is my car"), "a position that is not LAT,LON");
        assertEquals(2, Main.run("--home", home.toString(), "say", "--port", String.valueOf(port),
                "--position", "north,11.5755", "where is my car"));
        assertEquals("zh", SayCommand.language("把灯打开"));
        assertEquals("en", SayCommand.language("turn on the light"));
    }
}
