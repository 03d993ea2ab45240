package io.glint.driver.phone.internal;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import io.glint.testing.Mosquitto;

/** The phone protocol on a real Mosquitto on 127.0.0.1. */
class PhoneDriverMosquittoTest extends PhoneDriverContract {
    @TempDir
    Path folder;
    Mosquitto mosquitto;

    @Override
    String startBroker() throws Exception {
        mosquitto = Mosquitto.start(folder);
        return mosquitto.uri();
    }

    @Override
    void stopBroker() throws Exception {
        if (mosquitto != null) {
            mosquitto.close();
        }
    }
}
