package io.glint.bridge.internal;

import java.security.Principal;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
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
        Response response = new Response(ResponseCode.CONTENT);
        String revision;
        synchronized (center) {
            NotificationMessage message = center.current(identity.get());
            revision = center.revision(identity.get());
            response.setPayload(Codec.write(message, format));
            // Numbered here, with the content: Californium numbers a notification when it reaches its stack, so
            // two changes in quick succession would otherwise share a number and the glasses drop the second.
            if (options.hasObserve()) {
                response.getOptions().setObserve((int) (observeNumber.incrementAndGet() & 0xFFFFFF));
            }
        }
        response.getOptions().setContentFormat(format);
        ObserveRelation relation = exchange.advanced().getRelation();
        if (relation != null) {
            sent.put(relation, revision);
        }
        exchange.respond(response);
    }

    /** Notifies the observers whose identity should now see something else. */
    void pushChanges() {
        changed(relation -> {
            String identity = identity(relation);
            return identity != null && !center.revision(identity).equals(sent.get(relation));
        });
    }

    /** Ends the observations of revoked glasses, telling them 4.01. */
    void dropObservers(Set<String> identities) {
        clearAndNotifyObserveRelations(relation -> identities.contains(identity(relation)),
                ResponseCode.UNAUTHORIZED);
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
