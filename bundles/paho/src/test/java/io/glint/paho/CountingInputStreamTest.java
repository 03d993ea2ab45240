package io.glint.paho;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.junit.jupiter.api.Test;

/** The bundle's replacement of Paho's CountingInputStream: bulk reads, the same counting, Paho still decodes. */
class CountingInputStreamTest {

    @Test
    void bulk_and_single_byte_reads_are_counted_alike() throws IOException {
        byte[] data = "0123456789".getBytes(StandardCharsets.US_ASCII);
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(data));
        assertEquals('0', in.read());
        byte[] rest = new byte[6];
        new DataInputStream(in).readFully(rest);
        assertArrayEquals("123456".getBytes(StandardCharsets.US_ASCII), rest);
        assertEquals(7, in.getCounter());
        in.resetCounter();
        assertEquals(3, in.read(new byte[10], 0, 10));
        assertEquals(-1, in.read(new byte[10], 0, 10));
        assertEquals(-1, in.read());
        assertEquals(3, in.getCounter());
    }

    @Test
    void paho_decodes_a_publish_through_it() throws Exception {
        byte[] payload = "{\"state\":\"ON\",\"brightness\":254}".getBytes(StandardCharsets.UTF_8);
        MqttPublish sent = new MqttPublish("zigbee2mqtt/kitchen/ceiling",
                new org.eclipse.paho.mqttv5.common.MqttMessage(payload, 0, false, null), null);
        byte[] header = sent.getHeader();
        byte[] body = sent.getPayload();
        byte[] packet = new byte[header.length + body.length];
        System.arraycopy(header, 0, packet, 0, header.length);
        System.arraycopy(body, 0, packet, header.length, body.length);

        MqttWireMessage received = MqttWireMessage.createWireMessage(packet);
        MqttPublish publish = (MqttPublish) received;
        assertEquals("zigbee2mqtt/kitchen/ceiling", publish.getTopicName());
        assertArrayEquals(payload, publish.getMessage().getPayload());
    }

    @Test
    void the_class_on_the_class_path_is_the_bundles_own() throws Exception {
        // Paho's own declares no bulk read; if this fails the jar's class won over the bundle's.
        assertEquals(CountingInputStream.class,
                CountingInputStream.class.getMethod("read", byte[].class, int.class, int.class).getDeclaringClass());
    }
}
