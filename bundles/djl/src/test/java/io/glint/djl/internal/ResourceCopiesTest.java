package io.glint.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceCopiesTest {
    private static final String RESOURCE = "io/glint/djl/internal/sample-resource.txt";
    /** sha1sum of src/test/resources/io/glint/djl/internal/sample-resource.txt */
    private static final String SHA1 = "f78ea1f445124cc720965a41efdd81b527dcd66d";

    @TempDir
    Path folder;

    private final ClassLoader loader = ResourceCopiesTest.class.getClassLoader();

    @Test
    void a_resource_is_copied_once_and_then_left_alone() throws IOException {
        ResourceCopies copies = new ResourceCopies(loader, Map.of());
        Path target = folder.resolve("a/sample.txt");

        assertTrue(copies.copy(RESOURCE, target));
        assertEquals(expectedContent(), Files.readString(target, StandardCharsets.UTF_8));
        assertFalse(copies.copy(RESOURCE, target));
    }

    @Test
    void a_known_digest_is_checked_and_a_new_digest_copies_again() throws IOException {
        Path target = folder.resolve("sample.txt");
        assertTrue(new ResourceCopies(loader, Map.of(RESOURCE, SHA1)).copy(RESOURCE, target));
        assertFalse(new ResourceCopies(loader, Map.of(RESOURCE, SHA1)).copy(RESOURCE, target));

        // What a new bundle with another model looks like: its manifest names another digest.
        IOException damaged = assertThrows(IOException.class,
                () -> new ResourceCopies(loader, Map.of(RESOURCE, "0".repeat(40))).copy(RESOURCE, target));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".part")).count(), "no partial file is left");
        }
    }

    @Test
    void a_truncated_copy_is_replaced() throws IOException {
        ResourceCopies copies = new ResourceCopies(loader, Map.of(RESOURCE, SHA1));
        Path target = folder.resolve("sample.txt");
        copies.copy(RESOURCE, target);
        Files.writeString(target, "trunc");

        assertTrue(copies.copy(RESOURCE, target));
        assertEquals(expectedContent(), Files.readString(target, StandardCharsets.UTF_8));
    }

    @Test
    void a_missing_resource_says_the_bundle_lacks_it() {
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> new ResourceCopies(loader, Map.of()).copy("no/such.onnx", folder.resolve("x.onnx")));
        assertTrue(missing.getMessage().contains("no/such.onnx"), missing.getMessage());
    }

    private String expectedContent() throws IOException {
        try (var in = loader.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
