package io.glint.bridge.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

import io.glint.bridge.protocol.Codec;
import io.glint.bridge.protocol.NotificationMessage;
import io.glint.bridge.protocol.Protocol;

/**
 * {@code GET /v1/notifications} (observable): the notification these glasses should show now. Observers are told
 * (confirmable notifications) whenever that changes for their identity: a new one, a replaced one, one
 * acknowledged, withdrawn, or released at the end of quiet hours. {@code POST /v1/notifications/{id}/ack}
 * acknowledges one for the asking glasses.
 */
final class NotificationsResource extends CoapResource {
    private final GlassesBridge.Gate gate;
    private final NotificationCenter center;
    /** What each observe relation was last sent, so only the glasses whose view changed are notified. */
    private final Map<ObserveRelation, String> sent = Collections.synchronizedMap(new WeakHashMap<>());
    private final AtomicLong observeNumber = new AtomicLong(1);
    /** The established observations, as Californium adds and removes them. */
    private final Set<ObserveRelation> relations = ConcurrentHashMap.newKeySet();

    NotificationsResource(GlassesBridge.Gate gate, NotificationCenter center) {
        super("notifications");
        this.gate = gate;
        this.center = center;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
        getAttributes().setTitle("The notification to show now: {id, priority, speech, card, raised, pending}");
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        Optional<String> identity = gate.admit(exchange, false);
        if (identity.isEmpty()) {
            return;
        }
        OptionSet options = exchange.getRequestOptions();
        int format = Protocol.JSON;
        if (options.hasAccept()) {
            if (!Codec.supported(options.getAccept())) {
                Replies.error(exchange, ResponseCode.NOT_ACCEPTABLE, "Accept " + options.getAccept()
                        + " cannot be answered: ask for application/json (50) or application/cbor (60)");
                return;
            }
            format = options.getAccept();
        }
        // Only an observation numbers its answers: a GET that cancels one (Observe 1) is answered as a plain GET,
        // and Californium warns about, and strips, an Observe option on an answer that belongs to no observation.
        ObserveRelation relation = exchange.advanced().getRelation();
        boolean observing = relation != null && !relation.isCanceled();
        Response response = new Response(ResponseCode.CONTENT);
        String revision;
        synchronized (center) {
            NotificationMessage message = center.current(identity.get());
            revision = center.revision(identity.get());
            response.setPayload(Codec.write(message, format));
            // Numbered here, with the content: Californium numbers a notification when it reaches its stack, so
            // two changes in quick succession would otherwise share a number and the glasses drop the second.
            if (observing) {
                response.getOptions().setObserve((int) (observeNumber.incrementAndGet() & 0xFFFFFF));
            }
        }
        response.getOptions().setContentFormat(format);
        if (relation != null) {
            sent.put(relation, revision);
        }
        exchange.respond(response);
        if (observing) {
            gate.observing(identity.get());
        }
    }

    @Override
    public void addObserveRelation(ObserveRelation relation) {
        super.addObserveRelation(relation);
        relations.add(relation);
    }

    @Override
    public void removeObserveRelation(ObserveRelation relation) {
        super.removeObserveRelation(relation);
        relations.remove(relation);
    }

    /** Notifies the observers whose identity should now see something else. */
    void pushChanges() {
        changed(relation -> {
            String identity = identity(relation);
            return identity != null && !center.revision(identity).equals(sent.get(relation));
        });
    }

    /**
     * Ends the observations of revoked glasses, telling them 4.01 (confirmable). The 4.01s travel over the glasses'
     * DTLS sessions, so those may be closed only once the result has completed: when every 4.01 has been
     * acknowledged, or its transmission has ended otherwise (rejected, timed out, or it could not be sent). It may
     * never complete when the endpoint stops meanwhile: the caller bounds the wait.
     */
    CompletableFuture<Void> dropObservers(Set<String> identities) {
        List<CompletableFuture<Void>> told = new ArrayList<>();
        for (ObserveRelation relation : relations) {
            String identity = identity(relation);
            if (identities.contains(identity)) {
                told.add(unauthorized(relation, identity));
            }
        }
        return CompletableFuture.allOf(told.toArray(CompletableFuture[]::new));
    }

    /** Sends 4.01 on an observation, which ends it; run on the observation's exchange, as Californium requires. */
    private static CompletableFuture<Void> unauthorized(ObserveRelation relation, String identity) {
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Exchange exchange = relation.getExchange();
        exchange.execute(() -> {
            try {
                if (exchange.getRelation() != relation || !relation.isEstablished()) {
                    ended.complete(null); // ended meanwhile (cancelled, or told already)
                    return;
                }
                Response response = Replies.response(ResponseCode.UNAUTHORIZED,
                        "\"" + identity + "\" was unpaired or given a new key: pair the glasses again");
                response.setType(Type.CON);
                response.addMessageObserver(new MessageObserverAdapter() {
                    @Override
                    public void onAcknowledgement() {
                        ended.complete(null);
                    }

                    @Override
                    public void onCancel() {
                        ended.complete(null);
                    }

                    @Override
                    public void onTransferComplete() {
                        ended.complete(null);
                    }

                    @Override
                    protected void failed() { // rejected, timed out, not sendable
                        ended.complete(null);
                    }
                });
                exchange.sendResponse(response);
            } catch (RuntimeException e) {
                ended.complete(null);
                throw e;
            }
        });
        return ended;
    }

    private static String identity(ObserveRelation relation) {
        Principal p = relation.getExchange().getRequest().getSourceContext().getPeerIdentity();
        return p instanceof PreSharedKeyIdentity psk ? psk.getIdentity() : null;
    }

    @Override
    public Resource getChild(String name) {
        return new Item(name);
    }

    /** {@code /v1/notifications/{id}}: only its {@code ack} child answers. */
    private final class Item extends CoapResource {
        Item(String id) {
            super(id, false);
        }

        @Override
        public Resource getChild(String name) {
            return Protocol.ACK.equals(name) ? new Ack(getName()) : null;
        }
    }

    private final class Ack extends CoapResource {
        private final String id;

        Ack(String id) {
            super(Protocol.ACK, false);
            this.id = id;
        }

        @Override
        public void handlePOST(CoapExchange exchange) {
            Optional<String> identity = gate.admit(exchange, true);
            if (identity.isEmpty()) {
                return;
            }
            if (center.ack(identity.get(), id)) {
                exchange.respond(ResponseCode.CHANGED);
            } else {
                Replies.error(exchange, ResponseCode.NOT_FOUND, "No notification \"" + id + "\": it was withdrawn or "
                        + "expired, or the id is wrong. GET " + Protocol.NOTIFICATIONS + " shows the current one");
            }
        }
    }
}
