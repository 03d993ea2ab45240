package io.glint.driver.phone.internal;

import io.glint.moquette.EmbeddedBroker;

/** The phone protocol on the hub's embedded broker (Moquette, MQTT 3.1.1). */
class PhoneDriverEmbeddedBrokerTest extends PhoneDriverContract {
    EmbeddedBroker broker;

    @Override
    String startBroker() throws Exception {
        broker = EmbeddedBroker.start(0);
        return broker.uri();
    }

    @Override
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }
}
