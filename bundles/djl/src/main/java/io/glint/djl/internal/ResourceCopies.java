package io.glint.djl.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Copies class path resources out to files: ONNX Runtime loads a model from a file path, and a native library can
 * only be loaded from a file. A copy is made only when the file is missing, damaged or from another source: next
 * to each copy a note says what it was copied from and how long it was. The source is named by its SHA-1 when the
 * bundle manifest gives it (computed at build time, so a start reads nothing to decide), otherwise by its URL,
 * time and length. Files appear atomically, so two processes sharing the folder never see half a model.
 */
final class ResourceCopies {
    static final String NOTE_SUFFIX = ".source";

    private final ClassLoader loader;
    private final Map<String, String> sha1ByResource;

    /**
     * @param sha1ByResource lower-case hex SHA-1 of the resources the caller knows; the others are checked by
     *                       URL, time and length
     */
    ResourceCopies(ClassLoader loader, Map<String, String> sha1ByResource) {
        this.loader = loader;
        this.sha1ByResource = Map.copyOf(sha1ByResource);
    }

    /**
     * Makes {@code target} a copy of {@code resource}.
     *
     * @return true if the file was written, false if the copy already there was current
     * @throws FileNotFoundException if the resource is not on the class path
     * @throws IOException           if the copy failed, or the resource's content is not what the manifest says
     */
    boolean copy(String resource, Path target) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new FileNotFoundException(resource + " is missing from the class path: the io.glint.djl bundle was "
                    + "built without it");
        }
        String expectedSha1 = sha1ByResource.get(resource);
        String source = expectedSha1 != null ? "sha1=" + expectedSha1 : quickIdentity(url);
        Path note = target.resolveSibling(target.getFileName() + NOTE_SUFFIX);
        if (isCurrent(target, note, source)) {
            return false;
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path part = Files.createTempFile(folder, target.getFileName().toString(), ".part");
        try {
            MessageDigest digest = sha1();
            long size;
            try (InputStream in = new DigestInputStream(url.openStream(), digest)) {
                size = Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (expectedSha1 != null && !expectedSha1.equals(actual)) {
                throw new IOException(resource + " has SHA-1 " + actual + " but the bundle manifest says "
                        + expectedSha1 + ": the io.glint.djl jar is damaged; reinstall it");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            writeAtomically(note, source + "\nsize=" + size + "\n");
            return true;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static boolean isCurrent(Path target, Path note, String source) throws IOException {
        if (!Files.isRegularFile(target) || !Files.isRegularFile(note)) {
            return false;
        }
        String expected = source + "\nsize=" + Files.size(target) + "\n";
        return expected.equals(Files.readString(note, StandardCharsets.UTF_8));
    }

    /** What identifies a resource without reading it, when no digest is known (a plain class path, in tests). */
    private static String quickIdentity(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        return "url=" + url + ";time=" + connection.getLastModified() + ";length=" + connection.getContentLengthLong();
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path part = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            Files.writeString(part, content, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-1", e);
        }
    }
}
