package io.glint.driver.virtual.internal;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.Availability;
import io.glint.api.device.DeviceChange;
import io.glint.api.device.DeviceListener;
import io.glint.api.device.Devices;
import io.glint.moquette.LocalBroker;

/**
 * The simulated home over MQTT ({@code transport = mqtt}): the home file's devices as a zigbee2mqtt bridge and
 * Homie devices ({@link MqttSimulation}) on the hub's own broker, so that the hub reaches them the way it reaches
 * real ones — through the MQTT driver. Only ever on the embedded broker (the {@link LocalBroker} service): a hub
 * pointed at someone's broker gets no simulated devices on it.
 *
 * <p>Until the hub has every simulated device online, a {@link DeviceListener} service with the property
 * {@value #DISCOVERING}{@code =true} says so (and {@value #PROGRESS} how far it got); the launcher waits for it to go
 * before it calls the hub ready for voice.
 */
@Component(service = {}, immediate = true, configurationPid = VirtualDriver.PID)
public final class MqttHome {
    static final String DISCOVERING = "glint.home.discovering";
    static final String PROGRESS = "glint.home.discovered";
    private static final Logger LOG = LoggerFactory.getLogger(MqttHome.class);
    private static final Duration DOCKING_TIME = Duration.ofSeconds(3);

    private final MqttSimulation simulation;
    private final Discovery discovery;

    @Activate
    public MqttHome(BundleContext context, @Reference(name = "broker") LocalBroker broker,
            @Reference(name = "devices") Devices devices, VirtualDriverConfig config)
            throws HomeFileException, MqttException {
        if (!VirtualDriver.overMqtt(config)) {
            this.simulation = null;
            this.discovery = null;
            return;
        }
        Home home = VirtualDriver.home(config.homeFile(), config.driverId());
        Set<String> ids = new LinkedHashSet<>();
        home.devices().forEach(d -> {
            if (d.topic() != null) {
                ids.add(d.id());
            } else {
                LOG.warn("{}: {} has no \"topic\", so it is not simulated over MQTT", home.source(), d.id());
            }
        });
        this.discovery = new Discovery(context, ids);
        this.simulation = new MqttSimulation(home, broker.uri(), DOCKING_TIME);
        simulation.start();
        // A device may be online already (this component restarted on a new configuration while the driver kept
        // the devices): it will not change again, so it is counted now rather than waited for.
        discovery.countOnline(devices);
        LOG.info("Simulated home {} on the embedded MQTT broker {}: a zigbee2mqtt bridge with {} devices and {}"
                + " Homie devices", home.source(), broker.uri(), simulation.zigbee2mqttDevices(),
                simulation.size() - simulation.zigbee2mqttDevices());
    }

    @Deactivate
    void deactivate() {
        if (discovery != null) {
            discovery.close();
        }
        if (simulation != null) {
            simulation.close();
        }
    }

    /** Watches the hub's registry until every simulated device has come online through discovery. */
    static final class Discovery implements DeviceListener {
        private final Set<String> waiting;
        private final int total;
        private ServiceRegistration<DeviceListener> registration;

        Discovery(BundleContext context, Set<String> ids) {
            this.waiting = new LinkedHashSet<>(ids);
            this.total = ids.size();
            if (!ids.isEmpty()) {
                registration = context.registerService(DeviceListener.class, this, properties());
            }
        }

        private Dictionary<String, Object> properties() {
            Dictionary<String, Object> p = new Hashtable<>();
            p.put(DISCOVERING, Boolean.TRUE);
            p.put(PROGRESS, (total - waiting.size()) + "/" + total + (waiting.isEmpty() ? "" : ", waiting for "
                    + String.join(", ", waiting)));
            return p;
        }

        @Override
        public void deviceChanged(DeviceChange change) {
            if ("availability".equals(change.attribute()) && change.newValue() == Availability.ONLINE) {
                online(Set.of(change.deviceId()));
            }
        }

        /** Counts the devices the registry has online already. */
        void countOnline(Devices devices) {
            Set<String> online = new LinkedHashSet<>();
            synchronized (this) {
                waiting.forEach(id -> devices.get(id).filter(d -> d.availability() == Availability.ONLINE)
                        .ifPresent(d -> online.add(id)));
            }
            online(online);
        }

        private void online(Set<String> ids) {
            ServiceRegistration<DeviceListener> done = null;
            synchronized (this) {
                if (registration == null || !waiting.removeAll(ids)) {
                    return;
                }
                if (waiting.isEmpty()) {
                    done = registration;
                    registration = null;
                    LOG.info("Simulated home discovered: all {} devices online", total);
                }
            }
            // Outside the lock: the framework tells service listeners synchronously.
            if (done != null) {
                unregister(done);
            } else {
                update();
            }
        }

        private void update() {
            ServiceRegistration<DeviceListener> r;
            Dictionary<String, Object> p;
            synchronized (this) {
                r = registration;
                p = properties();
            }
            if (r != null) {
                try {
                    r.setProperties(p);
                } catch (IllegalStateException gone) {
                    // closed meanwhile
                }
            }
        }

        void close() {
            ServiceRegistration<DeviceListener> r;
            synchronized (this) {
                r = registration;
                registration = null;
            }
            if (r != null) {
                unregister(r);
            }
        }

        private static void unregister(ServiceRegistration<?> r) {
            try {
                r.unregister();
            } catch (IllegalStateException gone) {
                // the framework is stopping
            }
        }
    }
}
