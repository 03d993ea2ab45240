package io.glint.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ResourceDigestsTest {

    @Test
    void the_manifest_header_gives_each_resource_its_sha1_in_hex() {
        // As bnd's ${sha1;path} writes it (base64), plus a hex one.
        String header = "bge-small-en-v1.5-q.onnx;sha1=\"y6NZ/A2yMR0BQ4rCvQ6NpLdDoUI=\", "
                + "ai/onnxruntime/native/linux-x64/libonnxruntime.so;sha1=\"F78EA1F445124CC720965A41EFDD81B527DCD66D\"";

        assertEquals(Map.of("bge-small-en-v1.5-q.onnx", "cba359fc0db2311d01438ac2bd0e8da4b743a142",
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", "f78ea1f445124cc720965a41efdd81b527dcd66d"),
                ResourceDigests.parse(header));
    }

    @Test
    void a_missing_header_or_an_unexpanded_macro_gives_no_digest() {
        assertEquals(Map.of(), ResourceDigests.parse(null));
        assertEquals(Map.of(), ResourceDigests.parse("model.onnx;sha1=\"${sha1;model.onnx}\""));
    }
}
