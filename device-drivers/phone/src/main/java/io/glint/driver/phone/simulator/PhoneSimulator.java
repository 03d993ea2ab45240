package io.glint.driver.phone.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.glint.paho.ConnectRetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A phone running the Glint companion app, on an MQTT broker, speaking {@link PhoneTopics}: it says it is online
 * (with an "offline" last will), shares its battery and contacts, and answers commands: it places calls (busy
 * while in one), sends text messages and keeps them, and rings. What it did can be read back ({@link #calls()},
 * {@link #messages()}, {@link #ringing()}). A command it already answered (a repeated delivery) is answered again
 * without being done twice, and one past its {@code expires} is refused as expired. {@link #answering(boolean)
 * answering(false)} makes it ignore commands, as a phone whose app the system put to sleep does; {@link #close()}
 * takes it offline.
 */
public final class PhoneSimulator implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 5000;

    /** A text message the phone sent. */
    public record Message(String to, String text) {
    }

    /** One contact as the app shares it. */
    public record Contact(String name, String number, List<String> aliases) {
        public Contact {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * The contacts a new simulated phone has: family under kinship names in English and Chinese, friends and
     * colleagues with Chinese and English names, and two people called Alex.
     */
    public static final List<Contact> SAMPLE_CONTACTS = List.of(
            new Contact("Mum", "+447700900001", List.of("Mom", "Mother", "妈妈", "老妈")),
            new Contact("Dad", "+447700900002", List.of("Father", "爸爸", "老爸")),
            new Contact("Sarah Miller", "+447700900003", List.of()),
            new Contact("Tom Baker", "+447700900004", List.of("Tommy")),
            new Contact("Alex Chen", "+447700900005", List.of()),
            new Contact("Alex Morgan", "+447700900006", List.of()),
            new Contact("王建国", "+8613800138000", List.of("老王", "Wang Jianguo")),
            new Contact("李娜", "+8613900139000", List.of("Li Na", "娜娜")));

    private final String base;
    private final String id;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final ExecutorService worker;
    private final List<String> calls = new ArrayList<>();
    private final List<Message> messages = new ArrayList<>();
    private final Map<String, byte[]> answered = new HashMap<>();
    private List<Contact> contacts = SAMPLE_CONTACTS;
    private int battery = 80;
    private boolean charging;
    private boolean ringing;
    private String inCall = "";
    private int commandsSeen;
    private String failNext;
    private volatile boolean answering = true;

    private PhoneSimulator(String brokerUri, String base, String id, Clock clock) throws MqttException {
        this.base = base;
        this.id = PhoneTopics.requirePhoneId(id);
        this.clock = clock;
        this.client = new MqttAsyncClient(brokerUri, "glint-phone-sim-" + id + "-" + System.nanoTime(),
                new MemoryPersistence());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "phone-simulator-" + id);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects a phone with id {@code id} under {@code base} (e.g. "glint/phone") and publishes its status, state
     * and {@link #SAMPLE_CONTACTS}.
     *
     * @throws IOException when the broker does not accept the phone within 5 s
     */
    public static PhoneSimulator start(String brokerUri, String base, String id) throws IOException {
        return start(brokerUri, base, id, Clock.systemUTC());
    }

    /** As {@link #start(String, String, String)}, with the clock that decides whether a command expired. */
    public static PhoneSimulator start(String brokerUri, String base, String id, Clock clock) throws IOException {
        return ConnectRetry.open("The simulated phone " + id, brokerUri,
                () -> new PhoneSimulator(brokerUri, base, id, clock), PhoneSimulator::connect);
    }

    private String topic(String leaf) {
        return PhoneTopics.topic(base, id, leaf);
    }

    private void connect() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // A clean session: commands sent while the phone was away are not queued for it.
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(30);
        o.setWill(topic(PhoneTopics.STATUS), status(false), 1, true);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // a simulator does not reconnect: the test that cut it off wants it gone
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                worker.execute(() -> command(payload));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // fire and forget
            }
        });
        client.connect(o).waitForCompletion(TIMEOUT_MS);
        client.subscribe(topic(PhoneTopics.COMMAND), 1).waitForCompletion(TIMEOUT_MS);
        publishState();
        publishContacts();
        client.publish(topic(PhoneTopics.STATUS), status(true), 1, true).waitForCompletion(TIMEOUT_MS);
    }

    private byte[] status(boolean online) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("online", online);
        json.put("protocol", PhoneTopics.PROTOCOL);
        json.put("app", "Glint phone simulator");
        return bytes(json);
    }

    private static byte[] bytes(Object json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    /** false: commands are ignored and dropped (the app is asleep); true: it answers again. */
    public void answering(boolean answering) {
        this.answering = answering;
    }

    /** The next command is answered with this protocol error (e.g. {@link PhoneTopics#ERROR_PERMISSION_DENIED}). */
    public synchronized void failNext(String error) {
        this.failNext = error;
    }

    /** The numbers the phone called, in order. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** The messages the phone sent, in order. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized boolean ringing() {
        return ringing;
    }

    /** The number of the call in progress, "" when none. */
    public synchronized String inCall() {
        return inCall;
    }

    /** How many commands reached the phone, answered or not, repeated deliveries included. */
    public synchronized int commandsSeen() {
        return commandsSeen;
    }

    /** Ends the call in progress. */
    public void hangUp() {
        synchronized (this) {
            inCall = "";
        }
        publishState();
    }

    /** The owner found the phone and silenced it. */
    public void silence() {
        synchronized (this) {
            ringing = false;
        }
        publishState();
    }

    public void battery(int percent, boolean charging) {
        synchronized (this) {
            this.battery = percent;
            this.charging = charging;
        }
        publishState();
    }

    /** Replaces the contacts and shares them again (retained). */
    public void contacts(List<Contact> contacts) {
        synchronized (this) {
            this.contacts = List.copyOf(contacts);
        }
        publishContacts();
    }

    /** Publishes any bytes on one of the phone's topics (status, state, contacts, result), e.g. a malformed one. */
    public void publishRaw(String leaf, byte[] payload, boolean retained) throws IOException {
        try {
            client.publish(topic(leaf), payload, 1, retained).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw new IOException(e);
        }
    }

    private void publishState() {
        Map<String, Object> json = new LinkedHashMap<>();
        synchronized (this) {
            json.put("battery", battery);
            json.put("charging", charging);
            json.put("ringing", ringing);
            json.put("in_call", !inCall.isEmpty());
            if (!inCall.isEmpty()) {
                json.put("call_number", inCall);
            }
        }
        publish(PhoneTopics.STATE, bytes(json), true);
    }

    private void publishContacts() {
        List<Map<String, Object>> list = new ArrayList<>();
        synchronized (this) {
            for (Contact c : contacts) {
                list.add(Map.of("name", c.name(), "number", c.number(), "aliases", c.aliases()));
            }
        }
        publish(PhoneTopics.CONTACTS, bytes(Map.of("contacts", list)), true);
    }

    private void publish(String leaf, byte[] payload, boolean retained) {
        try {
            client.publish(topic(leaf), payload, 1, retained).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            // the broker went away; a new start publishes everything again
        }
    }

    private void command(byte[] payload) {
        synchronized (this) {
            commandsSeen++;
        }
        if (!answering) {
            return;
        }
        JsonNode json;
        try {
            json = JSON.readTree(payload);
        } catch (IOException e) {
            return; // no id to answer to
        }
        if (json == null || !json.isObject() || !json.path("id").isTextual()) {
            return;
        }
        String requestId = json.get("id").asText();
        byte[] again;
        synchronized (this) {
            again = answered.get(requestId);
        }
        if (again != null) {
            publish(PhoneTopics.RESULT, again, false);
            return;
        }
        String error = act(json);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("v", PhoneTopics.PROTOCOL);
        result.put("id", requestId);
        result.put("ok", error == null);
        if (error != null) {
            result.put("error", error);
        }
        byte[] answer = bytes(result);
        synchronized (this) {
            answered.put(requestId, answer);
        }
        publishState();
        publish(PhoneTopics.RESULT, answer, false);
    }

    /** Does what the command asks; the protocol error, or null when done. */
    private synchronized String act(JsonNode json) {
        if (json.path("v").asInt(-1) != PhoneTopics.PROTOCOL) {
            return PhoneTopics.ERROR_INVALID_REQUEST;
        }
        if (json.path("expires").asLong(Long.MAX_VALUE) < clock.millis()) {
            return PhoneTopics.ERROR_EXPIRED;
        }
        if (failNext != null) {
            String e = failNext;
            failNext = null;
            return e;
        }
        String action = json.path("action").asText("");
        switch (action) {
            case PhoneTopics.ACTION_CALL -> {
                String number = json.path("number").asText("");
                if (!number.matches("\\+?[0-9 ()-]{3,20}")) {
                    return number.isEmpty() ? PhoneTopics.ERROR_INVALID_REQUEST : PhoneTopics.ERROR_NO_SUCH_NUMBER;
                }
                if (!inCall.isEmpty()) {
                    return PhoneTopics.ERROR_BUSY;
                }
                calls.add(number);
                inCall = number;
                return null;
            }
            case PhoneTopics.ACTION_MESSAGE -> {
                String to = json.path("to").asText("");
                String text = json.path("text").asText("");
                if (to.isEmpty() || text.isEmpty()) {
                    return PhoneTopics.ERROR_INVALID_REQUEST;
                }
                if (!to.matches("\\+?[0-9 ()-]{3,20}")) {
                    return PhoneTopics.ERROR_NO_SUCH_NUMBER;
                }
                messages.add(new Message(to, text));
                return null;
            }
            case PhoneTopics.ACTION_RING -> {
                ringing = true;
                return null;
            }
            case PhoneTopics.ACTION_STOP_RINGING -> {
                ringing = false;
                return null;
            }
            default -> {
                return PhoneTopics.ERROR_UNSUPPORTED;
            }
        }
    }

    /** Says "offline" (retained) and disconnects. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(topic(PhoneTopics.STATUS), status(false), 1, true).waitForCompletion(TIMEOUT_MS);
                client.disconnect(1000).waitForCompletion(TIMEOUT_MS);
            }
        } catch (MqttException e) {
            // closing anyway
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing more to release
        }
    }

    @Override
    public String toString() {
        return "PhoneSimulator[" + id + "]";
    }
}
