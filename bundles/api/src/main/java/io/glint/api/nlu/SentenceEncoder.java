package io.glint.api.nlu;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An on-device sentence embedding model for one language, registered as a service. The hub's understanding
 * uses the encoder whose {@link #lang()} matches the utterance's script. Implementations run entirely on the
 * device: no network, no downloads.
 */
@ConsumerType
public interface SentenceEncoder {

    /** Service property with the language code ({@code en}, {@code zh}) the encoder is for. */
    String LANG_PROPERTY = "glint.encoder.lang";

    /** {@code en} or {@code zh}. */
    String lang();

    /** A name for the model, for logs and reports (e.g. "bge-small-en-v1.5-q"). */
    String model();

    /** Length of the vectors {@link #encode} returns. */
    int dimension();

    /**
     * The sentence's embedding, L2-normalised so a dot product is the cosine similarity. Thread-safe; may be
     * called from several threads at once.
     */
    float[] encode(String text);
}
