package io.glint.bridge.internal;

import java.nio.charset.StandardCharsets;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** Error answers: a CoAP code and a diagnostic payload (UTF-8 text) saying what was wrong and what to do. */
final class Replies {
    private Replies() {
    }

    static void error(CoapExchange exchange, ResponseCode code, String diagnostic) {
        exchange.respond(response(code, diagnostic));
    }

    static Response response(ResponseCode code, String diagnostic) {
        Response r = new Response(code);
        r.setPayload(diagnostic.getBytes(StandardCharsets.UTF_8));
        r.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        return r;
    }

    /** 4.29 with Max-Age saying how many seconds to wait. */
    static void tooMany(CoapExchange exchange, long waitSeconds, BridgeSettings settings) {
        Response r = response(ResponseCode.TOO_MANY_REQUESTS, "Too many requests from these glasses: at most "
                + settings.burst() + " at once and " + settings.ratePerSecond() + " per second. Retry in "
                + waitSeconds + " s (Max-Age)");
        r.getOptions().setMaxAge(waitSeconds);
        exchange.respond(r);
    }

    /** 5.03 with Max-Age saying when to retry. */
    static Response unavailable(String diagnostic, long retrySeconds) {
        Response r = response(ResponseCode.SERVICE_UNAVAILABLE, diagnostic);
        r.getOptions().setMaxAge(retrySeconds);
        return r;
    }
}
