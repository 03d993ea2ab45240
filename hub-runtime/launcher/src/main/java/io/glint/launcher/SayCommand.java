package io.glint.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.PositionMessage;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.UtteranceReply;
import io.glint.bridge.protocol.UtteranceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "say", mixinStandardHelpOptions = true,
        description = "Says TEXT to the running hub as a pair of paired glasses would: one utterance over CoAP/DTLS "
                + "with the glasses' identity and key (from the pairing file, or --identity and --key), and prints "
                + "the answer.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:answered (done, an answer, or a question back)",
            "1:the hub answered that it failed or did not understand", "2:bad command line",
            "4:the hub refused the request (the diagnostic is printed) or could not be reached" })
final class SayCommand implements Callable<Integer> {
    static final int REFUSED = 4;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "What the wearer says (several words are joined).")
    List<String> words;

    @Option(names = "--identity", paramLabel = "NAME", description = "Which paired glasses speak (default: the only "
            + "pair in the pairing file).")
    String identity;

    @Option(names = "--lang", paramLabel = "LANG", description = "en or zh (default: zh when TEXT has Chinese "
            + "characters, else en).")
    String lang;

    @Option(names = "--room", paramLabel = "ROOM", description = "The room the glasses believe the wearer is in.")
    String room;

    @Option(names = "--position", paramLabel = "LAT,LON[,ACCURACY]", description = "Where the wearer is, as the "
            + "glasses' phone would report it: degrees north and east, and how far off in metres (default 0).")
    String position;

    @Option(names = "--json", description = "Print the hub's answer as JSON ({status, speech, card, intent, slots}).")
    boolean json;

    @Option(names = "--cbor", description = "Send and receive CBOR instead of JSON.")
    boolean cbor;

    @Mixin
    GlassesOptions glasses;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "error");
        String text = String.join(" ", words).strip();
        String language = lang != null ? lang : language(text);
        if (!Protocol.LANGUAGES.contains(language)) {
            throw new ParameterException(spec.commandLine(), "--lang must be en or zh, got " + language);
        }
        PositionMessage at = position == null ? null : position(position);
        GlassesClient client;
        try {
            client = glasses.connect(main.home(), identity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (client) {
            UtteranceReply reply = client.say(new UtteranceRequest(text, language, room, null,
                    System.currentTimeMillis(), at), cbor ? Protocol.CBOR : Protocol.JSON);
            out.println(json ? Codec.toJson(reply) : plain(reply));
            out.flush();
            return "FAILED".equals(reply.status()) || "NOT_UNDERSTOOD".equals(reply.status()) ? 1 : 0;
        } catch (GlassesException e) {
            System.err.println("glint say: " + e.getMessage());
            return REFUSED;
        }
    }

    /** {@code LAT,LON} or {@code LAT,LON,ACCURACY}; the hub checks the ranges and says what is wrong. */
    private PositionMessage position(String value) {
        String[] parts = value.split(",", -1);
        try {
            if (parts.length == 2 || parts.length == 3) {
                return new PositionMessage(Double.valueOf(parts[0].strip()), Double.valueOf(parts[1].strip()),
                        parts.length == 3 ? Double.valueOf(parts[2].strip()) : 0.0);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new ParameterException(spec.commandLine(), "--position must be LAT,LON or LAT,LON,ACCURACY (degrees "
                + "north, degrees east, metres), e.g. --position 48.1374,11.5755,15; got " + value);
    }

    /** zh when the text has a CJK ideograph, else en. */
    static String language(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }

    static String plain(UtteranceReply r) {
        StringBuilder sb = new StringBuilder(r.speech());
        if (r.card() != null) {
            sb.append(System.lineSeparator()).append("  [").append(r.card().title()).append("]");
            for (String line : r.card().lines()) {
                sb.append(System.lineSeparator()).append("  ").append(line);
            }
        }
        sb.append(System.lineSeparator()).append("  (").append(r.status());
        if (r.code() != null) {
            sb.append(" ").append(r.code());
        }
        if (r.intent() != null) {
            sb.append(", ").append(r.intent()).append(" ").append(r.slots());
        }
        return sb.append(")").toString();
    }
}
