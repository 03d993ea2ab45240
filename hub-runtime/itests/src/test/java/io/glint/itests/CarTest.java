package io.glint.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Device;
import io.glint.api.device.Devices;
import io.glint.api.skill.FailureCode;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;

/**
 * The car end to end in the framework: the car driver and two simulated cars on the hub's embedded MQTT broker,
 * the car skill, and the wearer's voice. "car" answers; "camper" reports its state but acts on nothing (out of
 * coverage).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CarTest {
    static final String CAR = "car:car";
    static final String CAMPER = "car:camper";
    static final String WEARER = "itest-driver";

    @Inject
    Assistant assistant;

    @Inject
    Devices devices;

    @Inject
    ConfigurationAdmin configurations;

    @Configuration
    public Option[] config() {
        return OptionUtils.combine(GlintHub.hub(), GlintHub.cars());
    }

    @Test
    public void voice_moves_the_car_unlocking_waits_for_yes_and_a_silent_car_is_unreachable() throws Exception {
        configure("io.glint.driver.car", "cars", new String[] {"car", "camper"},
                "aliases", new String[] {"car=车|汽车", "camper=房车"});
        configure("io.glint.driver.car.simulator", "cars", new String[] {"car", "camper"},
                "outOfCoverage", new String[] {"camper"}, "tickMs", 60_000L);
        configure("io.glint.skill.car", "car", "car", "place.home", "48.1374, 11.5755",
                "place.airport", "48.3538, 11.7861", "place.airport.names", "机场",
                "place.gym", "48.1642, 11.6055");
        awaitState(CAR, d -> d.availability() == Availability.ONLINE && Boolean.TRUE.equals(d.state(Attributes.LOCKED)));
        awaitState(CAMPER, d -> d.availability() == Availability.ONLINE && d.state(Attributes.BATTERY) != null);

        // a voice command is done once the car itself reports it
        Response climate = Wait.until(assistant, "preheat the car to 22 degrees",
                r -> r.status() != ResponseStatus.NOT_UNDERSTOOD && r.code() != FailureCode.NO_DEVICE,
                Duration.ofSeconds(10));
        assertEquals(Wait.describe(climate), ResponseStatus.DONE, climate.status());
        assertEquals(22.0, state(CAR, Attributes.TARGET_TEMPERATURE));
        assertEquals(Boolean.TRUE, state(CAR, "climate"));

        Response navigate = say("导航到机场");
        assertEquals(Wait.describe(navigate), ResponseStatus.DONE, navigate.status());
        assertEquals(Map.of("name", "airport", "latitude", 48.3538, "longitude", 11.7861),
                state(CAR, Attributes.DESTINATION));
        assertEquals("前往机场", navigate.card().title());

        // unlocking is held until the wearer says yes
        Response asked = say("unlock the car");
        assertEquals(Wait.describe(asked), ResponseStatus.NEEDS_CONFIRMATION, asked.status());
        assertEquals(Boolean.TRUE, state(CAR, Attributes.LOCKED));
        Response other = say("how much battery does the car have");
        assertEquals(Wait.describe(other), ResponseStatus.QUERY_ANSWER, other.status());
        assertEquals("still locked while the question waits", Boolean.TRUE, state(CAR, Attributes.LOCKED));
        Response again = say("unlock the car");
        assertEquals(Wait.describe(again), ResponseStatus.NEEDS_CONFIRMATION, again.status());
        Response yes = say("yes");
        assertEquals(Wait.describe(yes), ResponseStatus.DONE, yes.status());
        assertEquals("the car reported its doors unlocked before the hub said so", Boolean.FALSE,
                state(CAR, Attributes.LOCKED));

        // the camper never confirms: the driver's deadline, said as unreachable, and nothing done
        Response silent = say("navigate the camper to the gym");
        assertEquals(Wait.describe(silent), ResponseStatus.FAILED, silent.status());
        assertEquals(FailureCode.DEVICE_UNREACHABLE, silent.code());
        assertTrue(Wait.describe(silent), silent.speech().contains("unreachable"));
        assertNull(state(CAMPER, Attributes.DESTINATION));
        Response unlockCamper = say("unlock the camper");
        assertEquals(Wait.describe(unlockCamper), ResponseStatus.NEEDS_CONFIRMATION, unlockCamper.status());
        Response confirmed = say("yes");
        assertEquals(Wait.describe(confirmed), FailureCode.DEVICE_UNREACHABLE, confirmed.code());
        assertTrue(Wait.describe(confirmed), confirmed.speech().contains("unreachable"));
        assertEquals(Boolean.TRUE, state(CAMPER, Attributes.LOCKED));
        assertEquals(Availability.ONLINE, devices.get(CAMPER).orElseThrow().availability());
    }

    private Response say(String text) {
        return assistant.handle(new Utterance(text, null, WEARER, null));
    }

    private Object state(String id, String attribute) {
        return devices.get(id).orElseThrow(() -> new AssertionError("no device " + id)).state(attribute);
    }

    private void awaitState(String id, Predicate<Device> ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (devices.get(id).filter(ready).isPresent()) {
                return;
            }
            Wait.sleep(20);
        }
        fail(id + " did not come up with its state within 20 s: " + devices.get(id));
    }

    private void configure(String pid, Object... keysAndValues) throws IOException {
        // "?": not bound to the probe bundle, so the hub's components receive it
        org.osgi.service.cm.Configuration c = configurations.getConfiguration(pid, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            props.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        c.update(props);
    }
}
