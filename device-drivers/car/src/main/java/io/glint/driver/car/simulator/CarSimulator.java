package io.glint.driver.car.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.glint.paho.ConnectRetry;
import io.glint.paho.NoDelaySocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A car on an MQTT broker, speaking {@link VssTopics}: it publishes its {@link Vss} signals as current values and
 * answers target values by changing them. Doors lock, windows and the trunk open; with climate on the cabin moves
 * toward the set point and the battery drains; plugged in, the battery charges; its navigation takes the destination
 * it is sent (and has none until then). Time only passes in
 * {@link #tick(Duration)} (tests) or, after {@link #runInRealTime(Duration)}, on a timer (the demo).
 * {@link #answering(boolean) answering(false)} makes it ignore targets, as a car out of coverage does: what it
 * was asked meanwhile is dropped, never applied later.
 */
public final class CarSimulator implements AutoCloseable {
    /** How fast climate moves the cabin toward the set point, °C per minute. */
    public static final double CLIMATE_DEGREES_PER_MINUTE = 1.0;
    /** How fast the cabin drifts toward the outside temperature with climate off, °C per minute. */
    public static final double DRIFT_DEGREES_PER_MINUTE = 0.2;
    /** Battery drain while climate runs, percent per hour. */
    public static final double CLIMATE_PERCENT_PER_HOUR = 6.0;
    /** Charging speed when plugged in, percent per hour. */
    public static final double CHARGE_PERCENT_PER_HOUR = 30.0;
    /** Range on a full battery, metres. */
    public static final long FULL_RANGE_METRES = 400_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MS = 5000;

    private final String base;
    private final String car;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final ExecutorService worker;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private volatile boolean answering = true;
    private ScheduledExecutorService timer;

    private CarSimulator(String brokerUri, String base, String car, Clock clock) throws MqttException {
        this.base = base;
        this.car = VssTopics.requireCarName(car);
        this.clock = clock;
        this.client = new MqttAsyncClient(brokerUri, "glint-car-sim-" + car + "-" + System.nanoTime(),
                new MemoryPersistence());
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "car-simulator-" + car);
            t.setDaemon(true);
            return t;
        });
        for (String lock : Vss.DOOR_LOCKS) {
            state.put(lock, true);
        }
        for (String door : Vss.DOORS_OPEN) {
            state.put(door, false);
        }
        for (String window : Vss.WINDOWS) {
            state.put(window, 0);
        }
        state.put(Vss.TRUNK_OPEN, false);
        state.put(Vss.HVAC_DRIVER_TEMPERATURE, 21);
        state.put(Vss.HVAC_AC_ACTIVE, false);
        state.put(Vss.HVAC_CABIN_TEMPERATURE, 15.0);
        state.put(Vss.EXTERIOR_TEMPERATURE, 15.0);
        state.put(Vss.BATTERY_SOC, 80.0);
        state.put(Vss.RANGE, range(80.0));
        state.put(Vss.CHARGING_CABLE, false);
        state.put(Vss.CHARGING, false);
        state.put(Vss.LATITUDE, 48.137154);
        state.put(Vss.LONGITUDE, 11.576124);
        for (String tire : Vss.TIRES) {
            state.put(tire, 250);
        }
    }

    /**
     * Connects a car named {@code car} under {@code base} (e.g. "vss") and publishes all its signals.
     *
     * @throws IOException when the broker does not accept the car within 5 s
     */
    public static CarSimulator start(String brokerUri, String base, String car) throws IOException {
        return start(brokerUri, base, car, Clock.systemUTC());
    }

    /** As {@link #start(String, String, String)}, with the clock that stamps values ("ts"). */
    public static CarSimulator start(String brokerUri, String base, String car, Clock clock) throws IOException {
        return ConnectRetry.open("The simulated car " + car, brokerUri,
                () -> new CarSimulator(brokerUri, base, car, clock), CarSimulator::connect);
    }

    private void connect() throws MqttException {
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        // A clean session: targets sent while the car was away are not queued for it.
        o.setCleanSession(true);
        o.setConnectionTimeout(5);
        o.setKeepAliveInterval(30);
        // all signals go out at once on start and on every tick
        o.setMaxInflight(1000);
        // Paho leaves Nagle on: a small message then waits for the broker's delayed ACK (~40 ms)
        o.setSocketFactory(new NoDelaySocketFactory());
        o.setWill(VssTopics.status(base, car), VssTopics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                // a simulator does not reconnect: the test that cut it off wants it gone
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                byte[] payload = message.getPayload();
                worker.execute(() -> target(topic, payload));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // fire and forget
            }
        });
        client.connect(o).waitForCompletion(TIMEOUT_MS);
        client.subscribe(base + "/" + car + "/" + VssTopics.TARGET + "/#", 1).waitForCompletion(TIMEOUT_MS);
        Map<String, Object> all;
        synchronized (this) {
            all = new LinkedHashMap<>(state);
        }
        all.forEach(this::publish);
        client.publish(VssTopics.status(base, car), VssTopics.ONLINE.getBytes(StandardCharsets.UTF_8), 1, true)
                .waitForCompletion(TIMEOUT_MS);
    }

    public String name() {
        return car;
    }

    /** false: targets are ignored and dropped (the car is out of coverage); true: it answers again. */
    public void answering(boolean answering) {
        this.answering = answering;
    }

    /** Whether it answers targets (false: out of coverage). */
    public boolean answering() {
        return answering;
    }

    /** The current value of a VSS signal. */
    public synchronized Object current(String path) {
        return state.get(path);
    }

    /** Lets {@code elapsed} pass: temperature, battery and range move, changes are published. */
    public void tick(Duration elapsed) {
        double minutes = elapsed.toMillis() / 60000.0;
        Map<String, Object> changed = new LinkedHashMap<>();
        synchronized (this) {
            boolean climate = (Boolean) state.get(Vss.HVAC_AC_ACTIVE);
            double cabin = number(Vss.HVAC_CABIN_TEMPERATURE);
            double goal = climate ? number(Vss.HVAC_DRIVER_TEMPERATURE) : number(Vss.EXTERIOR_TEMPERATURE);
            double rate = climate ? CLIMATE_DEGREES_PER_MINUTE : DRIFT_DEGREES_PER_MINUTE;
            double step = Math.min(Math.abs(goal - cabin), rate * minutes);
            put(changed, Vss.HVAC_CABIN_TEMPERATURE, round1(cabin + Math.signum(goal - cabin) * step));

            double soc = number(Vss.BATTERY_SOC);
            boolean plugged = (Boolean) state.get(Vss.CHARGING_CABLE);
            if (plugged) {
                soc += CHARGE_PERCENT_PER_HOUR * minutes / 60;
            }
            if (climate) {
                soc -= CLIMATE_PERCENT_PER_HOUR * minutes / 60;
            }
            soc = round1(Math.max(0, Math.min(100, soc)));
            put(changed, Vss.BATTERY_SOC, soc);
            put(changed, Vss.RANGE, range(soc));
            put(changed, Vss.CHARGING, plugged && soc < 100);
            if (soc == 0 && climate) {
                put(changed, Vss.HVAC_AC_ACTIVE, false);
            }
        }
        changed.forEach(this::publish);
    }

    /** Lets time pass by itself, every {@code period} (the demo). */
    public synchronized void runInRealTime(Duration period) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "car-simulator-clock-" + car);
                t.setDaemon(true);
                return t;
            });
            timer.scheduleAtFixedRate(() -> tick(period), period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Plugs the charging cable in (the battery charges until full) or out. */
    public void plugIn(boolean plugged) {
        set(Map.of(Vss.CHARGING_CABLE, plugged, Vss.CHARGING, plugged && number(Vss.BATTERY_SOC) < 100));
    }

    public void location(double latitude, double longitude) {
        set(Map.of(Vss.LATITUDE, latitude, Vss.LONGITUDE, longitude));
    }

    /** One of {@link Vss#TIRES}, kPa (VSS reports whole kPa). */
    public void tirePressure(String tire, double kPa) {
        if (!Vss.TIRES.contains(tire)) {
            throw new IllegalArgumentException(tire + " is not one of " + Vss.TIRES);
        }
        set(Map.of(tire, (int) Math.round(kPa)));
    }

    public void outsideTemperature(double celsius) {
        set(Map.of(Vss.EXTERIOR_TEMPERATURE, celsius));
    }

    public void cabinTemperature(double celsius) {
        set(Map.of(Vss.HVAC_CABIN_TEMPERATURE, celsius));
    }

    public void batteryPercent(double percent) {
        set(Map.of(Vss.BATTERY_SOC, percent, Vss.RANGE, range(percent)));
    }

    private void set(Map<String, Object> values) {
        Map<String, Object> changed = new LinkedHashMap<>();
        synchronized (this) {
            values.forEach((k, v) -> put(changed, k, v));
        }
        changed.forEach(this::publish);
    }

    private void target(String topic, byte[] payload) {
        if (!answering) {
            return;
        }
        String prefix = base + "/" + car + "/" + VssTopics.TARGET + "/";
        if (!topic.startsWith(prefix)) {
            return;
        }
        String path = topic.substring(prefix.length());
        JsonNode value;
        try {
            JsonNode json = JSON.readTree(payload);
            JsonNode expires = json.get("expires");
            if (expires != null && expires.asLong() < clock.millis()) {
                return;
            }
            value = json.get("value");
        } catch (IOException e) {
            return;
        }
        if (value == null) {
            return;
        }
        Map<String, Object> changed = new LinkedHashMap<>();
        synchronized (this) {
            if (Vss.DOOR_LOCKS.contains(path) || Vss.TRUNK_OPEN.equals(path) || Vss.HVAC_AC_ACTIVE.equals(path)) {
                if (value.isBoolean()) {
                    put(changed, path, value.booleanValue());
                }
            } else if (Vss.WINDOWS.contains(path)) {
                if (value.isNumber()) {
                    put(changed, path, Math.max(0, Math.min(100, value.intValue())));
                }
            } else if (Vss.DESTINATION_LATITUDE.equals(path)) {
                if (value.isNumber() && Math.abs(value.doubleValue()) <= 90) {
                    put(changed, path, value.doubleValue());
                }
            } else if (Vss.DESTINATION_LONGITUDE.equals(path)) {
                if (value.isNumber() && Math.abs(value.doubleValue()) <= 180) {
                    put(changed, path, value.doubleValue());
                }
            } else if (Vss.HVAC_DRIVER_TEMPERATURE.equals(path)) {
                if (value.isNumber()) {
                    put(changed, path, (int) Math.round(Math.max(5, Math.min(35, value.doubleValue()))));
                }
            }
            // sensors (temperature, battery, location…) are not actuators: a target for them is ignored
        }
        changed.forEach(this::publish);
    }

    private void put(Map<String, Object> changed, String path, Object value) {
        if (!value.equals(state.get(path))) {
            state.put(path, value);
            changed.put(path, value);
        }
    }

    private double number(String path) {
        return ((Number) state.get(path)).doubleValue();
    }

    private void publish(String path, Object value) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", value);
        json.put("ts", clock.millis());
        try {
            client.publish(VssTopics.current(base, car, path), JSON.writeValueAsBytes(json), 1, true);
        } catch (MqttException | IOException e) {
            // the broker went away; the retained values are republished on the next start
        }
    }

    private static long range(double soc) {
        return Math.round(FULL_RANGE_METRES * soc / 100);
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Says "offline" (retained) and disconnects. */
    @Override
    public void close() {
        synchronized (this) {
            if (timer != null) {
                timer.shutdownNow();
            }
        }
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(VssTopics.status(base, car), VssTopics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1,
                        true).waitForCompletion(TIMEOUT_MS);
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
        return "CarSimulator[" + car + "]";
    }
}
