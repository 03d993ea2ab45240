package io.glint.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs {@code examples/walkthrough.txt} through the built distribution exactly as a user would
 * ({@code bin/glint demo --json < walkthrough.txt}) and checks every step against the expectation written under
 * it in the script: a {@code #>} line with the status, then optionally {@code intent=NAME}, {@code
 * device.attribute=value} for changes that must be reported, {@code no-change}, {@code ~word} for words the
 * answer must contain, and {@code !~word} for words it must not.
 */
class WalkthroughTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Step(int line, String text, List<String> expectations) {
    }

    static List<Step> steps(Path script) throws IOException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#>")) {
                if (steps.isEmpty()) {
                    throw new IllegalStateException("line " + (i + 1) + ": an expectation before any utterance");
                }
                steps.get(steps.size() - 1).expectations().add(line.substring(2).strip());
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                steps.add(new Step(i + 1, line, new ArrayList<>()));
            }
        }
        return steps;
    }

    @Test
    void the_walkthrough_of_the_home_does_what_every_step_expects() throws Exception {
        Path repo = Path.of(System.getProperty("glint.itests.repo", "../..")).toRealPath();
        Path script = repo.resolve("examples/walkthrough.txt");
        Path glint = repo.resolve("hub-runtime/distribution/target/glint/bin/glint");
        assertTrue(Files.isExecutable(glint), glint + " is missing: build the distribution first (mvn install)");
        List<Step> steps = steps(script);
        assertTrue(steps.size() >= 40, "the walkthrough covers the home: " + steps.size() + " steps");

        Path err = Files.createDirectories(Path.of("target")).resolve("walkthrough.err");
        Process demo = new ProcessBuilder(glint.toString(), "demo", "--json").redirectInput(script.toFile())
                .redirectError(err.toFile()).start();
        List<JsonNode> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(demo.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null;) {
                answers.add(JSON.readTree(line));
            }
        }
        if (!demo.waitFor(120, TimeUnit.SECONDS)) {
            demo.destroyForcibly();
            fail("the demo did not finish within 120 s");
        }
        assertEquals(0, demo.exitValue(), "demo exit code; stderr in " + err);
        assertTrue(Files.readString(err).contains("speaking as paired glasses"),
                "the demo speaks through the glasses bridge (CoAP/DTLS), as real glasses do; stderr in " + err);
        assertEquals(steps.size(), answers.size(), "one answer per utterance; stderr in " + err);

        List<String> problems = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            JsonNode answer = answers.get(i);
            assertEquals(step.text(), answer.path("text").asText(), "answers come in order");
            for (String expectation : step.expectations()) {
                for (String token : expectation.split("\\s+")) {
                    String problem = check(token, answer);
                    if (problem != null) {
                        problems.add("line " + step.line() + " \"" + step.text() + "\": " + problem + "\n    got "
                                + answer);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " step(s) did not do what the walkthrough expects:\n" + String.join("\n", problems));
        }
    }

    /** Null when the answer meets the expectation token, else what is wrong. */
    static String check(String token, JsonNode answer) {
        if (token.matches("[A-Z_]+")) {
            return token.equals(answer.path("status").asText()) ? null
                    : "status " + answer.path("status").asText() + ", expected " + token;
        }
        if (token.startsWith("intent=")) {
            String intent = answer.path("intent").asText("null");
            return token.substring(7).equals(intent) ? null : "intent " + intent + ", expected " + token.substring(7);
        }
        if (token.equals("no-change")) {
            return answer.path("changes").isEmpty() ? null : "expected no device change";
        }
        if (token.startsWith("!~")) {
            return answer.path("speech").asText().toLowerCase().contains(token.substring(2).toLowerCase())
                    ? "speech has \"" + token.substring(2) + "\", expected it not to" : null;
        }
        if (token.startsWith("~")) {
            return answer.path("speech").asText().toLowerCase().contains(token.substring(1).toLowerCase()) ? null
                    : "speech lacks \"" + token.substring(1) + "\"";
        }
        int eq = token.indexOf('=');
        int dot = token.lastIndexOf('.', eq);
        if (eq < 0 || dot < 0) {
            return "cannot read expectation \"" + token + "\"";
        }
        String device = token.substring(0, dot);
        String attribute = token.substring(dot + 1, eq);
        String value = token.substring(eq + 1);
        for (JsonNode change : answer.path("changes")) {
            if (change.path("device").asText().equals(device) && change.path("attribute").asText().equals(attribute)
                    && change.path("value").asText().equals(value)) {
                return null;
            }
        }
        return "no change " + device + "." + attribute + "=" + value;
    }
}
