package io.glint.launcher;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One NLU evaluation file: a {@code #text intent slots lang source} header, then one utterance per line with
 * tab-separated columns. {@code slots} is a JSON array of {@code {"type","value"}} or empty, {@code lang} may be
 * empty (the hub tells from the script), {@code source} is kept out of the scoring. Blank lines and lines starting
 * with {@code #} are skipped.
 *
 * <p>Some rows are relabelled from their source dataset in a sixth column: column 2 then holds the source's own
 * label (CLINC's {@code tire_pressure}) and column 6 the catalogue's ({@code car.status}), {@code OOS} for a request
 * outside the catalogue, or {@code BORDER:x} for one at the edge of catalogue meaning {@code x}. Such a row is
 * scored by column 6: {@code OOS} is {@code none}, {@code BORDER:x} is {@code x} (itself {@code none} unless an
 * installed skill declares {@code x}).
 *
 * @param relabelledRows rows scored by their sixth column (worth a note, so nobody misreads the figures)
 */
record EvalSet(Path file, List<EvalSet.Row> rows, int relabelledRows) {

    static final String EXPECTED = "expected at least 4 tab-separated columns: text, intent, slots, lang "
            + "(then optionally source)";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A labelled utterance; {@code line} is 1-based, for messages. */
    record Row(int line, String text, String intent, List<GoldSlot> slots, String lang) {
    }

    /** A slot as the data set annotates it: the data set's type and the words. */
    record GoldSlot(String type, String value) {
    }

    String name() {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /** @throws IllegalArgumentException naming the file (and line) and what is expected */
    static EvalSet read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + Hub.message(e) + ")");
        }
        List<Row> rows = new ArrayList<>();
        int relabelled = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 ? lines.get(0).replace("\uFEFF", "") : lines.get(i);
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] columns = line.split("\t", -1);
                String label = relabel(columns);
                rows.add(row(file + ":" + (i + 1), i + 1, columns, label));
                relabelled += label != null ? 1 : 0;
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": no rows to evaluate; " + EXPECTED
                    + ", one utterance per line after the #text header");
        }
        return new EvalSet(file, List.copyOf(rows), relabelled);
    }

    /** The catalogue label of a row relabelled in its sixth column, or null. */
    private static String relabel(String[] columns) {
        String label = columns.length > 5 ? columns[5].strip() : "";
        if (label.isEmpty()) {
            return null;
        }
        if (label.equals("OOS")) {
            return "none";
        }
        return label.startsWith("BORDER:") ? label.substring("BORDER:".length()).strip() : label;
    }

    /** @param relabelled the catalogue label of column 6, or null */
    private static Row row(String where, int number, String[] columns, String relabelled) {
        if (columns.length < 4) {
            throw new IllegalArgumentException(where + ": " + columns.length
                    + (columns.length == 1 ? " column" : " columns") + ", " + EXPECTED);
        }
        String text = columns[0].strip();
        String intent = relabelled != null ? relabelled : columns[1].strip();
        if (text.isEmpty() || intent.isEmpty()) {
            throw new IllegalArgumentException(where + ": the " + (text.isEmpty() ? "text" : "intent")
                    + " column is empty; " + EXPECTED);
        }
        String lang = columns[3].strip();
        return new Row(number, text, intent, slots(where, columns[2].strip()), lang.isEmpty() ? null : lang);
    }

    private static List<GoldSlot> slots(String where, String json) {
        if (json.isEmpty()) {
            return List.of();
        }
        String problem = "the slots column is not a JSON array of {\"type\",\"value\"} objects";
        JsonNode array;
        try {
            array = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": " + problem + " (" + e.getOriginalMessage() + ")");
        }
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException(where + ": " + problem);
        }
        List<GoldSlot> slots = new ArrayList<>();
        for (JsonNode slot : array) {
            if (!slot.path("type").isTextual() || !slot.path("value").isTextual()) {
                throw new IllegalArgumentException(where + ": " + problem + ", found " + slot);
            }
            slots.add(new GoldSlot(slot.get("type").asText(), slot.get("value").asText()));
        }
        return List.copyOf(slots);
    }
}
