package io.glint.launcher;

/** How the demo shows each exchange. */
interface TurnPrinter {

    /** Invites the next utterance (only an interactive console shows anything). */
    default void prompt() {
    }

    void print(Turn turn);

    /** Called at end of input. */
    default void end() {
    }
}
