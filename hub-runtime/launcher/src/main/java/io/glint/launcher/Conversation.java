package io.glint.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.FailureCode;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;

/**
 * The demo loop: each line of input is one utterance from the console wearer. Blank lines and lines starting
 * with {@code #} are skipped, so scripted demos can carry comments.
 */
final class Conversation {

    /** The wearer id of the local console, so confirmations and "turn it off" work across lines. */
    static final String WEARER = "console";
    /**
     * How long to wait for devices to report what an answer says was done: devices behind a broker (the demo home
     * runs on the embedded MQTT broker) report their new state a moment after the hub has answered, within
     * milliseconds on this machine; the bounds only matter when nothing changes (a door already locked).
     */
    private static final Duration FIRST_REPORT = Duration.ofMillis(1000);
    private static final Duration QUIET = Duration.ofMillis(40);
    private static final Duration LONGEST = Duration.ofMillis(3000);

    private final Turns turns;
    private final ChangeRecorder recorder;
    private final TurnPrinter printer;

    Conversation(Assistant assistant, ChangeRecorder recorder, TurnPrinter printer) {
        this(Turns.direct(assistant), recorder, printer);
    }

    Conversation(Turns turns, ChangeRecorder recorder, TurnPrinter printer) {
        this.turns = turns;
        this.recorder = recorder;
        this.printer = printer;
    }

    /** Reads until end of input; returns the number of utterances handled. */
    int run(BufferedReader in) throws IOException {
        int turns = 0;
        printer.prompt();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String text = line.strip();
            if (!isComment(text)) {
                printer.print(say(text));
                turns++;
            }
            printer.prompt();
        }
        printer.end();
        return turns;
    }

    static boolean isComment(String strippedLine) {
        return strippedLine.isEmpty() || strippedLine.startsWith("#");
    }

    Turn say(String text) {
        recorder.begin();
        long start = System.nanoTime();
        Response response = null;
        List<DeviceChange> changes;
        double millis;
        try {
            response = turns.say(text);
            if (response == null) {
                response = internalError("the Assistant returned no response");
            }
        } catch (RuntimeException e) {
            // The Assistant promises not to throw; if it does, the demo still answers this line and goes on.
            e.printStackTrace();
            response = internalError(Hub.message(e));
        } finally {
            millis = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
            changes = acted(response) ? reports() : recorder.end();
        }
        return new Turn(text, response, changes, millis);
    }

    /** Whether the answer says devices were told to do something (whose reports are worth waiting for). */
    private static boolean acted(Response response) {
        return response != null && response.status() == ResponseStatus.DONE && (response.intent() == null
                || !response.intent().name().equals("dialog.cancel"));
    }

    /** The changes the devices report for what was just done (see {@link ChangeRecorder#endAfterReports}). */
    private List<DeviceChange> reports() {
        try {
            return recorder.endAfterReports(FIRST_REPORT, QUIET, LONGEST);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return recorder.end();
        }
    }

    private static Response internalError(String why) {
        return new Response(ResponseStatus.FAILED, (FailureCode) null, "Glint failed to handle that: " + why, null,
                null, null);
    }
}
