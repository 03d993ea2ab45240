package io.glint.bridge.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.NotificationMessage;
import io.glint.bridge.protocol.Protocol;
import io.glint.bridge.protocol.UtteranceReply;
import io.glint.bridge.protocol.UtteranceRequest;

/**
 * One pair of glasses talking to a hub: its own DTLS endpoint with its identity and key. Every request waits at
 * most the timeout given; nothing blocks longer.
 */
public final class GlassesClient implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    /** The longest {@link #close()} waits for the hub to answer the end of the observation. */
    private static final long CANCEL_WAIT_MILLIS = 500;

    private final String base;
    private final String identity;
    private final Duration timeout;
    private final CoapEndpoint endpoint;
    private final DTLSConnector connector;
    private CoapObserveRelation observation;
    private CoapClient observer;
    /** Set by {@link #close()}: what arrives from then on is the answer to its cancellation, not a notification. */
    private volatile CountDownLatch cancelling;

    /**
     * @param hub      host and port of the hub's bridge
     * @param identity the PSK identity ({@code glint pair NAME})
     * @param key      the key as printed by {@code glint pair}
     * @param timeout  the longest any call waits, DTLS handshake included
     */
    public GlassesClient(InetSocketAddress hub, String identity, String key, Duration timeout) {
        Objects.requireNonNull(hub, "hub");
        this.identity = Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        String host = hub.getAddress() != null ? hub.getAddress().getHostAddress() : hub.getHostString();
        this.base = "coaps://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + hub.getPort();
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsRole.CLIENT_ONLY);
        config.set(DtlsConfig.DTLS_USE_SERVER_NAME_INDICATION, false);
        // a refused handshake gets an alert at once; a hub that does not answer gives up within the timeout
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        config.set(CoapConfig.MAX_RETRANSMIT, 2);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key.getBytes(StandardCharsets.UTF_8)))
                .setLoggingTag("glasses-" + identity)
                .build();
        this.connector = new DTLSConnector(dtls);
        this.endpoint = new CoapEndpoint.Builder().setConfiguration(config).setConnector(connector).build();
    }

    public String identity() {
        return identity;
    }

    /** Says one utterance, now, as JSON, and returns the hub's answer. */
    public UtteranceReply say(String text, String lang, String room) throws IOException {
        UtteranceRequest request = new UtteranceRequest(text, lang, room, null, System.currentTimeMillis());
        return say(request, Protocol.JSON);
    }

    /** Sends an utterance in a format (JSON or CBOR) and returns the hub's answer; errors throw with the diagnostic. */
    public UtteranceReply say(UtteranceRequest request, int format) throws IOException {
        CoapResponse response = post(Protocol.UTTERANCES, Codec.write(request, format), format, -1);
        failUnless(response, ResponseCode.CONTENT);
        int replyFormat = response.getOptions().hasContentFormat() ? response.getOptions().getContentFormat() : format;
        return Codec.read(response.getPayload(), replyFormat, UtteranceReply.class);
    }

    /**
     * A raw POST, for testing what the hub does with any payload.
     *
     * @param format the Content-Format, or -1 for none
     * @param accept the Accept option, or -1 for none
     */
    public CoapResponse post(String path, byte[] payload, int format, int accept) throws IOException {
        Request request = Request.newPost();
        request.setURI(base + path);
        request.setPayload(payload);
        if (format >= 0) {
            request.getOptions().setContentFormat(format);
        }
        if (accept >= 0) {
            request.getOptions().setAccept(accept);
        }
        return send(request);
    }

    /** What the hub wants these glasses to show now (a single GET, no observation). */
    public NotificationMessage currentNotification() throws IOException {
        Request request = Request.newGet();
        request.setURI(base + Protocol.NOTIFICATIONS);
        request.getOptions().setAccept(Protocol.JSON);
        CoapResponse response = send(request);
        failUnless(response, ResponseCode.CONTENT);
        return Codec.read(response.getPayload(), Protocol.JSON, NotificationMessage.class);
    }

    /**
     * Observes {@code /v1/notifications}: the consumer gets the current state first, then every change, on a
     * Californium thread. One observation per client; {@link #close()} cancels it.
     */
    public synchronized void observe(Consumer<NotificationMessage> consumer, Consumer<String> errors)
            throws IOException {
        if (observation != null) {
            throw new IllegalStateException("Already observing notifications");
        }
        observer = client();
        Request request = Request.newGet();
        request.setURI(base + Protocol.NOTIFICATIONS);
        request.setObserve();
        request.getOptions().setAccept(Protocol.CBOR);
        CoapHandler handler = new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                if (closing(response)) {
                    return;
                }
                if (response.getCode() == ResponseCode.CONTENT) {
                    try {
                        consumer.accept(Codec.read(response.getPayload(), Protocol.CBOR, NotificationMessage.class));
                    } catch (IOException e) {
                        errors.accept("Unreadable notification: " + e.getMessage());
                    }
                } else {
                    errors.accept(response.getCode() + " " + response.getResponseText());
                }
            }

            @Override
            public void onError() {
                if (closing(null)) {
                    return;
                }
                errors.accept("The notification observation failed (no answer from the hub, or the DTLS handshake "
                        + "was refused)");
            }
        };
        try {
            observation = observer.observeAndWait(request, handler);
        } catch (ConnectorException e) {
            throw new GlassesException("Cannot reach the hub at " + base + ": " + e.getMessage(), e);
        }
        if (observation == null || observation.isCanceled()) {
            observation = null;
            throw new GlassesException("The hub at " + base + " did not accept the observation within " + timeout
                    .toMillis() + " ms: check that it runs and that " + identity + " is paired", (Throwable) null);
        }
    }

    /** True once {@link #close()} began; counts down its wait at the answer to the cancellation, or a failure. */
    private boolean closing(CoapResponse response) {
        CountDownLatch c = cancelling;
        if (c == null) {
            return false;
        }
        if (response == null || !response.getOptions().hasObserve()) {
            c.countDown(); // a notification still on its way has an Observe option; the answer has none
        }
        return true;
    }

    /** Acknowledges a notification; false when the hub does not know it (anymore). */
    public boolean ack(String id) throws IOException {
        CoapResponse response = post(Protocol.ackPath(id), new byte[0], -1, -1);
        if (response.getCode() == ResponseCode.NOT_FOUND) {
            return false;
        }
        failUnless(response, ResponseCode.CHANGED);
        return true;
    }

    private CoapResponse send(Request request) throws IOException {
        CoapClient client = client();
        try {
            CoapResponse response = client.advanced(request);
            if (response == null) {
                throw new GlassesException("No answer from the hub at " + base + " within " + timeout.toMillis()
                        + " ms: the hub is not running there, or it refused the DTLS handshake (is \"" + identity
                        + "\" paired, with this key?)", request.getSendError());
            }
            return response;
        } catch (ConnectorException e) {
            throw new GlassesException("Cannot reach the hub at " + base + ": " + e.getMessage(), e);
        } finally {
            client.shutdown();
        }
    }

    private CoapClient client() {
        CoapClient client = new CoapClient();
        client.setEndpoint(endpoint);
        client.setTimeout(timeout.toMillis());
        return client;
    }

    private static void failUnless(CoapResponse response, ResponseCode expected) throws GlassesException {
        if (response.getCode() != expected) {
            throw new GlassesException(response.getCode().toString(), response.getResponseText());
        }
    }

    @Override
    public synchronized void close() {
        if (observation != null) {
            if (!observation.isCanceled()) {
                // The hub is told (GET with Observe 1), and that request is given the time to finish before the
                // endpoint goes: destroyed under it, Californium logs the request it could no longer send or
                // retransmit, and the hub keeps notifying glasses that are gone until a notification times out.
                CountDownLatch answered = new CountDownLatch(1);
                cancelling = answered;
                observation.proactiveCancel();
                try {
                    answered.await(Math.min(timeout.toMillis(), CANCEL_WAIT_MILLIS), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            observation = null;
        }
        if (observer != null) {
            observer.shutdown();
        }
        endpoint.destroy();
    }
}
