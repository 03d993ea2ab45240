package io.glint.driver.phone.internal;

import static io.glint.testing.RecordingRegistry.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.driver.phone.simulator.PhoneSimulator;
import io.glint.driver.phone.simulator.PhoneTopics;
import io.glint.testing.RecordingRegistry;

/**
 * The driver and a simulated phone running the companion app, on a real broker: subclasses say which (Mosquitto,
 * the hub's embedded broker).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class PhoneDriverContract {
    static final String BASE = "glint/phone";
    static final String PHONE = "annas-pixel";
    static final String ID = PhoneDriver.deviceId(PHONE);
    static final String MUM = "+447700900001";

    PhoneSimulator phone;
    RecordingRegistry registry = new RecordingRegistry();
    PhoneDriver driver;

    /** Starts the broker; its tcp:// URI. */
    abstract String startBroker() throws Exception;

    abstract void stopBroker() throws Exception;

    String uri;

    @BeforeEach
    void start() throws Exception {
        uri = startBroker();
        phone = PhoneSimulator.start(uri, BASE, PHONE);
        driver = driver(Map.of(PHONE, "Anna's phone"), Duration.ofSeconds(1));
        await("the phone is online with its state and contacts", () -> online(ID)
                && registry.state(ID, Attributes.BATTERY) != null && registry.state(ID, Attributes.CONTACTS) != null);
    }

    PhoneDriver driver(Map<String, String> phones, Duration confirm) {
        return new PhoneDriver(registry, phones, confirm, Clock.systemUTC(), new MqttPhoneTransport(uri,
                "glint-test-hub-" + System.nanoTime(), "", "", BASE));
    }

    boolean online(String deviceId) {
        var d = registry.devices.get(deviceId);
        return d != null && d.availability() == Availability.ONLINE;
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.close();
        }
        if (phone != null) {
            phone.close();
        }
        stopBroker();
    }

    CommandResult run(String deviceId, Command command) throws Exception {
        return driver.execute(registry.devices.get(deviceId), command, Instant.now().plusSeconds(10))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> contacts() {
        return (List<Map<String, Object>>) registry.state(ID, Attributes.CONTACTS);
    }

    @Test
    void the_phone_is_discovered_with_its_battery_and_contacts() {
        var d = registry.devices.get(ID);
        assertEquals("Anna's phone", d.name());
        assertEquals(DeviceType.PHONE, d.type());
        assertTrue(d.has(Capability.PHONE));
        assertEquals(80, d.state(Attributes.BATTERY));
        assertEquals(false, d.state(Attributes.RINGING));
        assertEquals(false, d.state(Payloads.IN_CALL));
        assertEquals(PhoneSimulator.SAMPLE_CONTACTS.size(), contacts().size());
        Map<String, Object> mum = contacts().get(0);
        assertEquals("Mum", mum.get("name"));
        assertEquals(MUM, mum.get("number"));
        assertEquals(List.of("Mom", "Mother", "妈妈", "老妈"), mum.get("aliases"));
        assertTrue(contacts().stream().anyMatch(c -> "王建国".equals(c.get("name"))
                && ((List<?>) c.get("aliases")).contains("老王")));
    }

    @Test
    void a_call_is_ok_once_the_app_acknowledges_it_and_a_second_one_meets_a_busy_phone() throws Exception {
        CommandResult r = run(ID, Command.call(MUM));
        assertTrue(r.ok(), r::toString);
        // ok means the app has already placed it
        assertEquals(List.of(MUM), phone.calls());
        await("in a call", () -> Boolean.TRUE.equals(registry.state(ID, Payloads.IN_CALL)));
        assertEquals(MUM, registry.state(ID, Attributes.CALL));

        CommandResult busy = run(ID, Command.call("+447700900004"));
        assertEquals(FailureCode.DEVICE_UNREACHABLE, busy.code(), busy::toString);
        assertEquals("Anna's phone is busy in another call", busy.reason());
        assertEquals(List.of(MUM), phone.calls());

        phone.hangUp();
        await("call ended", () -> Boolean.FALSE.equals(registry.state(ID, Payloads.IN_CALL)));
        assertEquals("", registry.state(ID, Attributes.CALL));
    }

    @Test
    void a_message_reaches_the_app_with_its_text_intact() throws Exception {
        String text = "我晚点到，别等我 — back by 7:30 🙂";
        CommandResult r = run(ID, Command.message("+8613800138000", text));
        assertTrue(r.ok(), r::toString);
        assertEquals(List.of(new PhoneSimulator.Message("+8613800138000", text)), phone.messages());
    }

    @Test
    void ringing_the_phone_is_confirmed_and_shows_in_its_state() throws Exception {
        assertTrue(run(ID, Command.ring()).ok());
        assertTrue(phone.ringing());
        await("ringing", () -> Boolean.TRUE.equals(registry.state(ID, Attributes.RINGING)));
        phone.silence();
        await("silenced", () -> Boolean.FALSE.equals(registry.state(ID, Attributes.RINGING)));
    }

    @Test
    void errors_the_app_returns_become_failures_the_wearer_understands() throws Exception {
        phone.failNext(PhoneTopics.ERROR_PERMISSION_DENIED);
        CommandResult denied = run(ID, Command.message(MUM, "hello"));
        assertEquals(FailureCode.NOT_ALLOWED, denied.code());
        assertEquals("The Glint app on Anna's phone is not allowed to send the message; allow it in the app's"
                + " settings on the phone", denied.reason());

        phone.failNext(PhoneTopics.ERROR_USER_ACTION_REQUIRED);
        CommandResult confirm = run(ID, Command.call(MUM));
        assertEquals(FailureCode.NOT_ALLOWED, confirm.code());
        assertEquals("Anna's phone wants you to confirm on its screen", confirm.reason());

        phone.failNext(PhoneTopics.ERROR_NO_SERVICE);
        assertEquals("Anna's phone has no mobile network right now", run(ID, Command.call(MUM)).reason());

        CommandResult bad = run(ID, Command.call("not a number"));
        assertEquals(FailureCode.INVALID_VALUE, bad.code());
        assertTrue(phone.calls().isEmpty() && phone.messages().isEmpty(), "nothing was done");
    }

    @Test
    void a_phone_that_stops_answering_is_unreachable_within_the_deadline_and_never_acts_later() throws Exception {
        phone.answering(false);
        CommandResult r = run(ID, Command.call(MUM));
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code(), r::toString);
        assertEquals("Anna's phone did not answer within 1 s; check that the Glint app is running on it",
                r.reason());
        assertTrue(phone.commandsSeen() >= 1, "the command reached the phone, which ignored it");

        phone.answering(true);
        assertTrue(run(ID, Command.ring()).ok(), "the phone answers the next command");
        assertTrue(phone.calls().isEmpty(), "the unanswered call was not placed later");
    }

    @Test
    void the_caller_s_deadline_wins_when_it_is_sooner() throws Exception {
        phone.answering(false);
        CommandResult r = driver.execute(registry.devices.get(ID), Command.ring(), Instant.now().plusMillis(300))
                .toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertTrue(r.reason().startsWith("Anna's phone did not answer within 0."), r.reason());
    }

    @Test
    void a_command_that_arrives_after_its_expiry_is_refused_by_the_app() throws Exception {
        // a phone whose clock is ahead sees every command as already expired
        try (PhoneSimulator late = PhoneSimulator.start(uri, BASE, "late-phone",
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)))) {
            driver.close();
            driver = driver(Map.of("late-phone", "the late phone"), Duration.ofSeconds(2));
            String id = PhoneDriver.deviceId("late-phone");
            await("online", () -> online(id));
            CommandResult r = run(id, Command.call(MUM));
            assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
            assertEquals("the late phone got the request too late and did nothing; try again", r.reason());
            assertTrue(late.calls().isEmpty());
        }
    }

    @Test
    void a_phone_gone_offline_fails_at_once_with_that_reason() throws Exception {
        phone.close();
        phone = null;
        await("offline", () -> registry.devices.get(ID).availability() == Availability.OFFLINE);
        assertEquals("the Glint app on it went offline", registry.devices.get(ID).availabilityReason());
        CommandResult r = run(ID, Command.ring());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("Anna's phone is offline; check that the Glint app is running on it and the phone has a"
                + " connection", r.reason());
    }

    @Test
    void malformed_payloads_are_ignored_and_keep_what_was_known() throws Exception {
        phone.publishRaw(PhoneTopics.STATE, "battery: full".getBytes(StandardCharsets.UTF_8), true);
        phone.publishRaw(PhoneTopics.CONTACTS, "[{\"name\":".getBytes(StandardCharsets.UTF_8), true);
        phone.publishRaw(PhoneTopics.STATUS, "yes".getBytes(StandardCharsets.UTF_8), true);
        phone.publishRaw(PhoneTopics.RESULT, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), false);
        // a state with one good and one bad field: the good one counts
        phone.publishRaw(PhoneTopics.STATE, "{\"battery\":\"full\",\"ringing\":true}".getBytes(StandardCharsets.UTF_8),
                true);
        await("the good field", () -> Boolean.TRUE.equals(registry.state(ID, Attributes.RINGING)));
        assertEquals(80, registry.state(ID, Attributes.BATTERY));
        assertEquals(PhoneSimulator.SAMPLE_CONTACTS.size(), contacts().size());
        assertTrue(online(ID));
        assertTrue(run(ID, Command.call(MUM)).ok(), "the phone is still usable");
    }

    @Test
    void a_phone_speaking_another_protocol_version_is_not_talked_to() throws Exception {
        phone.publishRaw(PhoneTopics.STATUS, "{\"online\":true,\"protocol\":2}".getBytes(StandardCharsets.UTF_8),
                true);
        await("offline", () -> registry.devices.get(ID).availability() == Availability.OFFLINE);
        assertEquals("its Glint app speaks protocol 2 and this hub speaks 1; update the hub",
                registry.devices.get(ID).availabilityReason());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, run(ID, Command.ring()).code());
        assertTrue(!phone.ringing());
    }

    @Test
    void contact_updates_replace_the_list_and_bad_entries_are_skipped() throws Exception {
        phone.contacts(List.of(new PhoneSimulator.Contact("Grandma", "+447700900009", List.of("奶奶"))));
        await("new contacts", () -> contacts().size() == 1);
        assertEquals("Grandma", contacts().get(0).get("name"));
        assertEquals(List.of("奶奶"), contacts().get(0).get("aliases"));

        String json = "{\"contacts\":[{\"name\":\"Nobody\"},{\"name\":\"Ben\",\"number\":\"+447700900010\","
                + "\"aliases\":[\"Benny\",7]}]}";
        phone.publishRaw(PhoneTopics.CONTACTS, json.getBytes(StandardCharsets.UTF_8), true);
        await("Ben only", () -> contacts().size() == 1 && "Ben".equals(contacts().get(0).get("name")));
        assertEquals(List.of("Benny"), contacts().get(0).get("aliases"));

        // an empty retained payload: the app withdrew the contacts
        phone.publishRaw(PhoneTopics.CONTACTS, new byte[0], true);
        await("no contacts", () -> contacts().isEmpty());
    }

    @Test
    void two_phones_by_id_each_get_their_own_commands() throws Exception {
        try (PhoneSimulator dads = PhoneSimulator.start(uri, BASE, "dads-phone")) {
            driver.close();
            Map<String, String> phones = new LinkedHashMap<>();
            phones.put(PHONE, "Anna's phone");
            phones.put("dads-phone", "Dad's phone");
            driver = driver(phones, Duration.ofSeconds(2));
            String dad = PhoneDriver.deviceId("dads-phone");
            await("both online", () -> online(ID) && online(dad));
            assertTrue(run(dad, Command.ring()).ok());
            assertTrue(dads.ringing());
            assertTrue(!phone.ringing());
            assertTrue(run(ID, Command.call(MUM)).ok());
            assertEquals(List.of(MUM), phone.calls());
            assertTrue(dads.calls().isEmpty());
        }
    }

    @Test
    void a_command_a_phone_cannot_do_fails_at_once() throws Exception {
        CommandResult r = run(ID, Command.turnOn());
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals(0, phone.commandsSeen());
    }
}
