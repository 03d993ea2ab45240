package io.glint.driver.phone.simulator;

import java.util.regex.Pattern;

/**
 * The companion-app protocol, version {@value #PROTOCOL} (docs/phone-protocol.md): everything about one phone lives
 * under {@code <base>/<phone-id>/}.
 *
 * <pre>
 * status    app → hub  retained, QoS 1, also the app's last will   {"online":true,"protocol":1,"app":"…"}
 * state     app → hub  retained, QoS 1                             {"battery":80,"charging":false,"ringing":false,"in_call":false}
 * contacts  app → hub  retained, QoS 1                             {"contacts":[{"name":"Mum","number":"+44…","aliases":["妈妈"]}]}
 * command   hub → app  QoS 1, not retained                         {"v":1,"id":"…","action":"call","number":"+44…","expires":…}
 * result    app → hub  QoS 1, not retained                         {"v":1,"id":"…","ok":false,"error":"busy","message":"…"}
 * </pre>
 */
public final class PhoneTopics {
    /** The protocol's major version: a phone that announces another one is not talked to. */
    public static final int PROTOCOL = 1;
    public static final String DEFAULT_BASE = "glint/phone";

    public static final String STATUS = "status";
    public static final String STATE = "state";
    public static final String CONTACTS = "contacts";
    public static final String COMMAND = "command";
    public static final String RESULT = "result";

    public static final String ACTION_CALL = "call";
    public static final String ACTION_MESSAGE = "message";
    public static final String ACTION_RING = "ring";
    public static final String ACTION_STOP_RINGING = "stop_ringing";

    /** The number is not one the phone can call or text. */
    public static final String ERROR_NO_SUCH_NUMBER = "no_such_number";
    /** The app lacks the phone's permission (calls, SMS), or the wearer turned it off. */
    public static final String ERROR_PERMISSION_DENIED = "permission_denied";
    /** The phone is in a call already. */
    public static final String ERROR_BUSY = "busy";
    /** No mobile network (flight mode, no signal, no SIM). */
    public static final String ERROR_NO_SERVICE = "no_service";
    /** The phone's system wants the wearer to confirm on its screen (a call or message it may not start alone). */
    public static final String ERROR_USER_ACTION_REQUIRED = "user_action_required";
    /** The app cannot do this action at all (a tablet without telephony). */
    public static final String ERROR_UNSUPPORTED = "unsupported";
    /** The command arrived after its {@code expires}; the app did nothing. */
    public static final String ERROR_EXPIRED = "expired";
    /** The command was not a valid command of this protocol. */
    public static final String ERROR_INVALID_REQUEST = "invalid_request";
    /** Anything else; {@code message} says what. */
    public static final String ERROR_FAILED = "failed";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private PhoneTopics() {
    }

    public static String topic(String base, String phoneId, String leaf) {
        return base + "/" + phoneId + "/" + leaf;
    }

    /** The id unchanged when it is a valid phone id (one topic level: a–z, 0–9, _ and -, up to 64). */
    public static String requirePhoneId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("\"" + id + "\" is not a usable phone id: use 1–64 lower-case letters,"
                    + " digits, '_' or '-', starting with a letter or digit (e.g. annas-pixel)");
        }
        return id;
    }
}
