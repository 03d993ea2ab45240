package io.glint.bridge.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the bridge runs (PID {@code io.glint.bridge}).
 *
 * @param host            the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port            the UDP port (0 for any free one)
 * @param pairingFile     the pairing store
 * @param maxPayloadBytes the largest utterance payload accepted (larger: 4.13)
 * @param ratePerSecond   sustained requests per second per pair of glasses (more: 4.29)
 * @param burst           requests one pair of glasses may send at once before the rate applies
 * @param workers         threads running utterances (the hub keeps answering others while one skill is slow)
 * @param queue           utterances waiting for a worker before the bridge answers 5.03
 * @param maxAge          how old (or how far ahead) an utterance's ts may be; the hub does not act on stale commands
 * @param pairingPoll     how often the pairing file is checked for revoked pairs, whose sessions are then closed
 */
record BridgeSettings(String host, int port, Path pairingFile, int maxPayloadBytes, double ratePerSecond, int burst,
        int workers, int queue, Duration maxAge, Duration pairingPoll) {

    BridgeSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not a UDP port (0-65535)");
        }
        if (maxPayloadBytes < 64 || maxPayloadBytes > 65536) {
            throw new IllegalArgumentException("maxPayloadBytes " + maxPayloadBytes + " must be 64-65536");
        }
        if (workers < 1 || queue < 1) {
            throw new IllegalArgumentException("workers and queue must be at least 1");
        }
    }

    static BridgeSettings defaults(Path pairingFile) {
        return new BridgeSettings("127.0.0.1", io.glint.bridge.protocol.Protocol.DEFAULT_PORT, pairingFile, 1024, 5,
                10, 4, 32, Duration.ofSeconds(60), Duration.ofMillis(250));
    }

    BridgeSettings withPort(int newPort) {
        return new BridgeSettings(host, newPort, pairingFile, maxPayloadBytes, ratePerSecond, burst, workers, queue,
                maxAge, pairingPoll);
    }

    BridgeSettings withRate(double newRate, int newBurst) {
        return new BridgeSettings(host, port, pairingFile, maxPayloadBytes, newRate, newBurst, workers, queue, maxAge,
                pairingPoll);
    }

    BridgeSettings withWorkers(int newWorkers, int newQueue) {
        return new BridgeSettings(host, port, pairingFile, maxPayloadBytes, ratePerSecond, burst, newWorkers, newQueue,
                maxAge, pairingPoll);
    }
}
