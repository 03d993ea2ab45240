package io.glint.djl.internal;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * Text to a BERT encoder's inputs, and its last hidden state to the sentence vector: the [CLS] token's state,
 * L2-normalised, as the bge model card prescribes. Stateless apart from the tokenizer, which is thread-safe.
 */
final class ClsEmbeddingTranslator implements NoBatchifyTranslator<String, float[]> {
    private static final String HIDDEN_STATE = "last_hidden_state";

    private final HuggingFaceTokenizer tokenizer;

    ClsEmbeddingTranslator(HuggingFaceTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, String text) {
        Encoding encoding = tokenizer.encode(text);
        NDManager manager = ctx.getNDManager();
        // Named inputs, in the graph's order: ONNX Runtime matches them by name.
        NDList inputs = new NDList();
        for (String name : ctx.getModel().describeInput().keys()) {
            long[] values = switch (name) {
                case "input_ids" -> encoding.getIds();
                case "attention_mask" -> encoding.getAttentionMask();
                case "token_type_ids" -> encoding.getTypeIds();
                default -> throw new IllegalArgumentException("The model wants an input \"" + name
                        + "\", which a BERT sentence encoder does not have");
            };
            NDArray array = manager.create(new long[][] {values});
            array.setName(name);
            inputs.add(array);
        }
        return inputs;
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList outputs) {
        NDArray hidden = outputs.get(HIDDEN_STATE);
        if (hidden == null) {
            hidden = outputs.get(0);
        }
        Shape shape = hidden.getShape(); // (1, tokens, dimension)
        int dimension = Math.toIntExact(shape.get(shape.dimension() - 1));
        // [CLS] is the first token, so its state is the first `dimension` values: read those from the buffer
        // rather than copying every token's state into an array first.
        float[] cls = new float[dimension];
        hidden.toByteBuffer().asFloatBuffer().get(cls);
        return normalised(cls);
    }

    static float[] normalised(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += (double) v * v;
        }
        double norm = Math.sqrt(sum);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
