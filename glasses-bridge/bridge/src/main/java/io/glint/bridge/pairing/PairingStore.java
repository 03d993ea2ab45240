package io.glint.bridge.pairing;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The pairing file: a JSON document {@code {"version":1,"pairs":[{"identity","key","created"}]}} that only its
 * owner may read or write (rw-------). Every change writes a new file and renames it over the old one, under a lock
 * file, so readers — the running hub reads it at every DTLS handshake — always see a whole file and concurrent
 * {@code glint pair} commands do not lose each other's pairs. Reads are cached until the file changes.
 */
public final class PairingStore {
    /** Letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters. */
    public static final Pattern IDENTITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** 128 random bits, as 32 hex digits: safe on any command line and in any QR code. */
    static final int KEY_BYTES = 16;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Clock clock;
    private Snapshot cached = new Snapshot(null, Map.of());

    private record Snapshot(Object stamp, Map<String, Pair> pairs) {
    }

    /** The file's JSON shape. */
    record Document(int version, List<Entry> pairs) {
    }

    record Entry(String identity, String key, String created) {
    }

    public PairingStore(Path file) {
        this(file, Clock.systemUTC());
    }

    public PairingStore(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /** Checks a name for an identity; the message says what is allowed. */
    public static String checkIdentity(String identity) {
        if (identity == null || !IDENTITY.matcher(identity).matches()) {
            throw new IllegalArgumentException("\"" + identity + "\" cannot name a pair of glasses: use 1 to 64 "
                    + "letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. anna-glasses)");
        }
        return identity;
    }

    /** A new random key: 128 bits as 32 lowercase hex digits. */
    public static String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The pair with that identity, as the file says now. */
    public Optional<Pair> find(String identity) throws IOException {
        return Optional.ofNullable(pairs().get(identity));
    }

    /** Every pair, by identity, as the file says now (re-read only when the file changed). */
    public synchronized Map<String, Pair> pairs() throws IOException {
        Object stamp = stamp();
        if (stamp == null) {
            cached = new Snapshot(null, Map.of());
        } else if (!stamp.equals(cached.stamp())) {
            cached = new Snapshot(stamp, read());
        }
        return cached.pairs();
    }

    /**
     * Pairs new glasses with a fresh random key.
     *
     * @throws IllegalArgumentException when the name is not a valid identity, or it is paired already and
     *                                  {@code replace} is false
     */
    public Pair pair(String identity, boolean replace) throws IOException {
        checkIdentity(identity);
        Pair pair = new Pair(identity, newKey(), clock.instant());
        update(pairs -> {
            if (pairs.containsKey(identity) && !replace) {
                throw new IllegalArgumentException("\"" + identity + "\" is paired already. Unpair it first, or pair "
                        + "it again with a new key (which disconnects the glasses holding the old one)");
            }
            pairs.put(identity, pair);
            return null;
        });
        return pair;
    }

    /** Revokes a pair; false when there was none by that identity. */
    public boolean unpair(String identity) throws IOException {
        Boolean removed = update(pairs -> pairs.remove(identity) != null);
        return removed;
    }

    /** Empty, or what is wrong with the file's permissions (it holds secrets: only its owner may read it). */
    public Optional<String> permissionProblem() {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(p)) {
                return Optional.of(file + " is " + PosixFilePermissions.toString(p) + ": it holds the glasses' keys, "
                        + "so only its owner may read it (chmod 600 " + file + ")");
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private interface Change<T> {
        T apply(Map<String, Pair> pairs);
    }

    private synchronized <T> T update(Change<T> change) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path lockFile = dir.resolve(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Map<String, Pair> pairs = Files.exists(file) ? new LinkedHashMap<>(read()) : new LinkedHashMap<>();
            T result = change.apply(pairs);
            write(pairs);
            return result;
        }
    }

    private Map<String, Pair> read() throws IOException {
        Document doc;
        try {
            doc = JSON.readValue(file.toFile(), Document.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Map.of();
        } catch (IOException e) {
            throw new IOException("The pairing file " + file + " is not valid: " + e.getMessage()
                    + ". Fix it or delete it and pair the glasses again", e);
        }
        if (doc == null || doc.pairs() == null) {
            return Map.of();
        }
        if (doc.version() != VERSION) {
            throw new IOException("The pairing file " + file + " has version " + doc.version() + "; this hub reads "
                    + "version " + VERSION);
        }
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (Entry e : doc.pairs()) {
            if (e == null || e.identity() == null || e.key() == null || e.key().isEmpty()
                    || !IDENTITY.matcher(e.identity()).matches()) {
                throw new IOException("The pairing file " + file + " has an entry without a valid identity and key: "
                        + "fix it or delete it and pair the glasses again");
            }
            Instant created = null;
            try {
                created = e.created() == null ? null : Instant.parse(e.created());
            } catch (java.time.format.DateTimeParseException ignored) {
                // the date is informative only
            }
            pairs.put(e.identity(), new Pair(e.identity(), e.key(), created));
        }
        return Collections.unmodifiableMap(pairs);
    }

    private void write(Map<String, Pair> pairs) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Pair p : pairs.values()) {
            entries.add(new Entry(p.identity(), p.key(), p.created() == null ? null : p.created().toString()));
        }
        byte[] bytes = JSON.writeValueAsBytes(new Document(VERSION, entries));
        Path dir = file.getParent();
        Path tmp;
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", ownerOnly);
        } catch (UnsupportedOperationException e) {
            tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        }
        try {
            Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** What identifies one version of the file: a rename gives a new inode, a rewrite a new time or size. */
    private Object stamp() throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
