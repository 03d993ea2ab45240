package io.glint.launcher;

import java.io.PrintStream;

import io.glint.api.device.DeviceChange;
import io.glint.api.skill.Card;

/**
 * What a person at a console reads: the spoken answer, the card if any, and one line per device change, e.g.
 * {@code glint> Turned on the kitchen light.} then {@code   kitchen.ceiling: on false -> true}.
 */
final class PlainTurnPrinter implements TurnPrinter {
    static final String PROMPT = "you> ";

    private final PrintStream out;
    private final boolean interactive;

    /** @param interactive true at a terminal: show the {@value #PROMPT} prompt */
    PlainTurnPrinter(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public void prompt() {
        if (interactive) {
            out.print(PROMPT);
            out.flush();
        }
    }

    @Override
    public void print(Turn turn) {
        out.println("glint> " + turn.response().speech());
        Card card = turn.response().card();
        if (card != null) {
            out.println("  [" + card.title() + "]" + (card.lines().isEmpty() ? "" : " " + String.join(" | ", card.lines())));
        }
        for (DeviceChange c : turn.changes()) {
            out.println("  " + c.deviceId() + ": " + c.attribute() + " " + c.oldValue() + " -> " + c.newValue());
        }
        out.flush();
    }

    @Override
    public void end() {
        if (interactive) {
            out.println();
            out.flush();
        }
    }
}
