package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Replaces the class of the same name in Eclipse Paho MQTT v5 1.2.5 (EPL-2.0 / EDL-1.0) inside the io.glint.paho
 * bundle: the same public API and counting, plus a bulk {@link #read(byte[], int, int)}.
 * <p>
 * Paho decodes every received packet through this stream over a {@code ByteArrayInputStream} (twice for a
 * PUBLISH: the packet, then the payload), and its own version reads only byte by byte: {@code readFully} then
 * copies each byte through two virtual calls and the {@code synchronized ByteArrayInputStream.read()}. That was
 * ~10 µs of each 200-byte zigbee2mqtt state message, most of what the hub's MQTT receive thread did; with the bulk
 * read it is ~2 µs (docs/benchmarks.md, state ingest).
 */
public class CountingInputStream extends InputStream {
    private final InputStream inputStream;
    private int counter;

    /** Counts the bytes read from {@code inputStream}. */
    public CountingInputStream(InputStream inputStream) {
        this.inputStream = inputStream;
    }

    @Override
    public int read() throws IOException {
        int i = inputStream.read();
        if (i != -1) {
            counter++;
        }
        return i;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = inputStream.read(b, off, len);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    /** The number of bytes read since construction or the last {@link #resetCounter()}. */
    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
