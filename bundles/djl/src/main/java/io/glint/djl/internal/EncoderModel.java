package io.glint.djl.internal;

/**
 * The sentence encoders this bundle carries: quantised BAAI bge-small v1.5 models as exported to ONNX by Xenova and
 * packaged by langchain4j (the model card's recipe: the [CLS] token's last hidden state, L2-normalised).
 */
public enum EncoderModel {
    BGE_SMALL_EN("en", "bge-small-en-v1.5-q", 384, false),
    /** Its tokenizer does not lower-case, unlike the English one, so "Turn" would become [UNK]. */
    BGE_SMALL_ZH("zh", "bge-small-zh-v1.5-q", 512, true);

    private final String lang;
    private final String id;
    private final int dimension;
    private final boolean lowerCaseInput;

    EncoderModel(String lang, String id, int dimension, boolean lowerCaseInput) {
        this.lang = lang;
        this.id = id;
        this.dimension = dimension;
        this.lowerCaseInput = lowerCaseInput;
    }

    public String lang() {
        return lang;
    }

    /** The model's name, also the stem of its resources. */
    public String id() {
        return id;
    }

    public int dimension() {
        return dimension;
    }

    boolean lowerCaseInput() {
        return lowerCaseInput;
    }

    /** Class path resource of the ONNX graph. */
    String onnxResource() {
        return id + ".onnx";
    }

    /** Class path resource of the Hugging Face tokenizer.json. */
    String tokenizerResource() {
        return id + "-tokenizer.json";
    }
}
