package io.glint.launcher;

import java.io.PrintStream;

/** Exactly one JSON object per utterance on its own line, nothing else. */
final class JsonTurnPrinter implements TurnPrinter {
    private final PrintStream out;

    JsonTurnPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(Turn turn) {
        out.println(Json.write(Json.turn(turn)));
        out.flush();
    }
}
