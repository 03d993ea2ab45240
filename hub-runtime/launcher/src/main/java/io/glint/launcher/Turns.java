package io.glint.launcher;

import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.Utterance;

/**
 * How the demo's lines reach the hub: straight to the {@link Assistant}, or as a pair of paired glasses over
 * CoAP/DTLS ({@link DemoGlasses}). Either way the answer is the hub's {@link Response}.
 */
interface Turns extends AutoCloseable {

    /** The hub's answer to one line the demo's wearer said; never null. */
    Response say(String text);

    @Override
    default void close() {
    }

    /** In-process, as the console wearer. */
    static Turns direct(Assistant assistant) {
        return text -> assistant.handle(new Utterance(text, null, Conversation.WEARER, null));
    }
}
