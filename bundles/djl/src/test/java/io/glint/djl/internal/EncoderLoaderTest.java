package io.glint.djl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EncoderLoaderTest {

    @Test
    void onnx_runtime_natives_are_picked_for_linux_on_x86_64_and_aarch64() {
        assertEquals("linux-x64", EncoderLoader.ortPlatform("Linux", "amd64"));
        assertEquals("linux-x64", EncoderLoader.ortPlatform("Linux", "x86_64"));
        assertEquals("linux-aarch64", EncoderLoader.ortPlatform("Linux", "aarch64"));
    }

    @Test
    void other_platforms_are_refused_by_name() {
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> EncoderLoader.ortPlatform("Mac OS X", "aarch64"));
        assertTrue(refused.getMessage().contains("Mac OS X on aarch64"), refused.getMessage());
    }

    @Test
    void a_native_library_still_bound_to_an_old_bundle_says_to_restart() {
        Throwable failure = new IllegalStateException("Failed to load Huggingface native library.",
                new UnsatisfiedLinkError("Native Library /data/libtokenizers.so already loaded in another classloader"));
        assertTrue(SentenceEncoders.explain(failure).contains("restart the hub"));
    }
}
