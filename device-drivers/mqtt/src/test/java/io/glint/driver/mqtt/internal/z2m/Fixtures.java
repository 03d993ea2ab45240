package io.glint.driver.mqtt.internal.z2m;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The bridge/devices payload in src/test/resources, parsed once per call. */
final class Fixtures {
    static final String DRIVER = "mqtt.test";

    private Fixtures() {
    }

    static byte[] bridgeDevices() {
        try (InputStream in = Fixtures.class.getResourceAsStream("/z2m/bridge-devices.json")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Z2mDevice> devices() {
        try {
            return new Z2mDevices(DRIVER).parse(bridgeDevices());
        } catch (Z2mPayloadException e) {
            throw new AssertionError(e);
        }
    }

    static Z2mDevice device(String friendlyName) {
        return devices().stream().filter(d -> d.friendlyName().equals(friendlyName)).findFirst()
                .orElseThrow(() -> new AssertionError("no device " + friendlyName));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
