package io.glint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.FailureCode;

/**
 * A home held in memory, for the unit tests of a skill. It is a {@link Devices}, the service the hub gives your
 * skill, so you construct your skill with it instead of the hub's, say what the home holds, run the skill and
 * check what it did to the home:
 *
 * <pre>
 * MemoryHome home = new MemoryHome()
 *         .room("kitchen", "kitchen", "厨房")
 *         .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS)
 *         .device("kitchen.kettle", DeviceType.PLUG, "kettle", "kitchen", List.of("电水壶"),
 *                 Set.of(Capability.ON_OFF), Map.of(Attributes.ON, false))
 *         .grants(Capability.ON_OFF, Capability.BRIGHTNESS);
 * MySkill skill = new MySkill(home);
 * SkillResult r = new SkillTester(home, "glint/my-skill.json").say(skill, "turn on the kitchen light");
 * assertEquals(true, home.state("kitchen.light", Attributes.ON));
 * assertEquals(List.of("kitchen.light:on=true"), home.sent());
 * </pre>
 *
 * <p>A command meets what it would meet in the hub, in the hub's order, and the first that applies answers it:
 * <ol>
 * <li>A sensitive command — {@link Command#unlock()} (any {@link Capability#LOCK} command but {@link Command#lock()})
 * on any device, or opening a {@link DeviceType#GARAGE_DOOR} or a {@link DeviceType#VEHICLE}'s windows or trunk (any
 * {@link Capability#COVER} command but position 0)
 * — is held for the wearer: {@link FailureCode#CONFIRMATION_REQUIRED}
 * "Unlock the front door lock? The wearer has to confirm first." and nothing changes. The hub carries such a
 * command out itself once the wearer says yes; a skill never does. Without the capability in the grants it is
 * {@link FailureCode#NOT_ALLOWED} instead.</li>
 * <li>No device with that id: {@link FailureCode#NO_DEVICE}.</li>
 * <li>The command's capability is not in the skill's {@link #grants grants}: {@link FailureCode#NOT_ALLOWED}.</li>
 * <li>The device does not have the capability: {@link FailureCode#NOT_SUPPORTED}.</li>
 * <li>The device is {@link #offline offline}: {@link FailureCode#DEVICE_UNREACHABLE} "The TV is offline." (with
 * the reason, when there is one: "The TV is offline: its hub is unplugged.").</li>
 * <li>The device is {@link #deaf deaf}: {@link FailureCode#DEVICE_UNREACHABLE} "The TV did not answer within
 * 2 s.", as when a real device misses the hub's default deadline.</li>
 * <li>Otherwise the device takes it, and its state changes as the virtual driver's simulated devices' does: a
 * brightness above 0 switches a light on and 0 switches it off; switching on a light dimmed to 0 brings it back at
 * 100; a colour or colour temperature, or starting to play or brew something, switches the device on (when it
 * has {@link Capability#ON_OFF}); "cleaning:kitchen" sets {@link Attributes#VACUUM_STATE} to "cleaning" and
 * {@link Attributes#VACUUM_ROOM} to "kitchen". Any other attribute takes the value as sent.</li>
 * </ol>
 * Every command that reaches {@link #execute} is recorded, whatever the answer, held and refused ones included:
 * see {@link #sent()} and {@link #commands()}.
 *
 * <p>Until {@link #grants} is called every capability is granted. Give it your definition's grants
 * ({@code SkillSpec.grants()}) to catch a skill that sends a command the hub would refuse.
 *
 * <p>Devices are online, owned by the driver "memory". {@link #revision()} changes whenever a room or a device
 * is added, replaced or removed, never on a state change, so the hub's understanding (which caches names by
 * revision) sees a device added in the middle of a test. The methods are safe to call from several threads.
 */
public final class MemoryHome implements Devices {
    /** The driver id of every device this home makes. */
    public static final String DRIVER = "memory";

    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Set<String> deaf = new HashSet<>();
    /** "id:attribute" pairs a device does not answer. */
    private final Set<String> deafTo = new HashSet<>();
    private final List<String> sent = new ArrayList<>();
    private final List<Command> commands = new ArrayList<>();
    private Set<Capability> grants = EnumSet.allOf(Capability.class);
    private long revision;

    // ---- building the home -----------------------------------------------------------------------------

    /**
     * Adds (or replaces) a room. Aliases are the other names people use for it, in any language: the first in
     * Chinese characters is what {@link Room#nameIn Room.nameIn("zh")} says.
     */
    public synchronized MemoryHome room(String id, String name, String... aliases) {
        rooms.put(id, new Room(id, name, List.of(aliases)));
        revision++;
        return this;
    }

    /**
     * Adds (or replaces) a device of any type.
     *
     * @param room         the room id, or null for a device in no room
     * @param aliases      other names, in any language ("AC", "空调")
     * @param capabilities what it can do; a command for any other capability is {@code NOT_SUPPORTED}
     * @param state        its state attributes ({@link Attributes}), e.g. {@code Map.of(Attributes.ON, false)}
     */
    public MemoryHome device(String id, DeviceType type, String name, String room, List<String> aliases,
            Set<Capability> capabilities, Map<String, ?> state) {
        return device(Device.builder(id).name(name).aliases(aliases).room(room).type(type).capabilities(capabilities)
                .state(state).availability(Availability.ONLINE, null).driver(DRIVER).build());
    }

    /** Adds (or replaces) a device built with {@link Device#builder}, as it is: for availability, driver and all. */
    public synchronized MemoryHome device(Device device) {
        devices.put(device.id(), device);
        revision++;
        return this;
    }

    /**
     * Adds a light that is off: it can be switched on and off, and do what {@code more} adds
     * ({@link Capability#BRIGHTNESS}, {@link Capability#COLOR}). A dimmable light is at brightness 100.
     */
    public MemoryHome light(String id, String name, String room, List<String> aliases, Capability... more) {
        Set<Capability> capabilities = EnumSet.of(Capability.ON_OFF, more);
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(Attributes.ON, false);
        if (capabilities.contains(Capability.BRIGHTNESS)) {
            state.put(Attributes.BRIGHTNESS, 100);
        }
        return device(id, DeviceType.LIGHT, name, room, aliases, capabilities, state);
    }

    /** Adds a smart plug that is off. */
    public MemoryHome plug(String id, String name, String room, List<String> aliases) {
        return device(id, DeviceType.PLUG, name, room, aliases, EnumSet.of(Capability.ON_OFF),
                Map.of(Attributes.ON, false));
    }

    /** Takes a device out of the home, as when it is unpaired. */
    public synchronized MemoryHome remove(String id) {
        require(id);
        devices.remove(id);
        revision++;
        return this;
    }

    /**
     * Changes one state attribute as a device reporting it would (someone used the wall switch): no command, not
     * in {@link #sent()}, no side effects. A null value removes the attribute.
     */
    public synchronized MemoryHome set(String id, String attribute, Object value) {
        devices.put(id, require(id).toBuilder().state(attribute, value).build());
        return this;
    }

    /** Takes a device offline; {@code reason} ("its hub is unplugged") may be null, as drivers often do not know. */
    public synchronized MemoryHome offline(String id, String reason) {
        devices.put(id, require(id).toBuilder().availability(Availability.OFFLINE, reason).build());
        return this;
    }

    /** Makes a device answer no command: each one fails "The &lt;name&gt; did not answer within 2 s.". */
    public synchronized MemoryHome deaf(String id) {
        require(id);
        deaf.add(id);
        return this;
    }

    /**
     * Makes a device answer no command for one attribute ("the TV switches on but will not play"), and the others
     * as usual.
     */
    public synchronized MemoryHome deaf(String id, String attribute) {
        require(id);
        deafTo.add(id + ":" + attribute);
        return this;
    }

    /** The capabilities the skill under test was granted (its definition's {@code "grants"}); all until called. */
    public MemoryHome grants(Capability... granted) {
        return grants(Arrays.asList(granted));
    }

    /** As {@link #grants(Capability...)}, e.g. with {@code SkillSpec.grants()}. */
    public synchronized MemoryHome grants(Collection<Capability> granted) {
        Set<Capability> g = EnumSet.noneOf(Capability.class);
        g.addAll(granted);
        grants = g;
        return this;
    }

    // ---- what the test checks --------------------------------------------------------------------------

    /** A device's state attribute now, or null when it has none. */
    public synchronized Object state(String id, String attribute) {
        return require(id).state(attribute);
    }

    /**
     * Every command that reached {@link #execute}, in order, as "id:attribute=value" ("kitchen.light:on=true"),
     * whatever the answer was.
     */
    public synchronized List<String> sent() {
        return List.copyOf(sent);
    }

    /** The commands of {@link #sent()}, in the same order, to check e.g. their capabilities. */
    public synchronized List<Command> commands() {
        return List.copyOf(commands);
    }

    /** Forgets what was sent so far, to check only what comes next. */
    public synchronized MemoryHome clearSent() {
        sent.clear();
        commands.clear();
        return this;
    }

    /**
     * Reads a home in the virtual driver's home file format: {@code {"rooms": [{"id", "name", "aliases"}],
     * "devices": [{"id", "name", "room", "type", "aliases", "capabilities", "state"}]}}, e.g. its demo home
     * {@code glint/default-home.json}, to test a skill against the home the hub runs with.
     */
    public static MemoryHome read(InputStream in) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode root = mapper.readTree(in);
        MemoryHome home = new MemoryHome();
        for (JsonNode r : root.path("rooms")) {
            home.room(r.path("id").asText(), r.path("name").asText(), strings(r.path("aliases")).toArray(String[]::new));
        }
        for (JsonNode d : root.path("devices")) {
            Set<Capability> caps = EnumSet.noneOf(Capability.class);
            d.path("capabilities").forEach(c -> caps.add(Capability.valueOf(c.asText())));
            Map<String, Object> state = new LinkedHashMap<>();
            d.path("state").fields().forEachRemaining(e -> state.put(e.getKey(),
                    mapper.convertValue(e.getValue(), Object.class)));
            home.device(d.path("id").asText(), DeviceType.valueOf(d.path("type").asText().toUpperCase(Locale.ROOT)),
                    d.path("name").asText(), d.path("room").asText(null), strings(d.path("aliases")), caps, state);
        }
        return home;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    private Device require(String id) {
        Device d = devices.get(id);
        if (d == null) {
            throw new IllegalArgumentException("This home has no device \"" + id + "\"; it has " + devices.keySet());
        }
        return d;
    }

    // ---- Devices ---------------------------------------------------------------------------------------

    @Override
    public synchronized List<Device> all() {
        return List.copyOf(devices.values());
    }

    @Override
    public synchronized Optional<Device> get(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    @Override
    public synchronized List<Room> rooms() {
        return List.copyOf(rooms.values());
    }

    @Override
    public synchronized Optional<Room> room(String id) {
        return Optional.ofNullable(rooms.get(id));
    }

    @Override
    public List<Device> inRoom(String roomId) {
        return all().stream().filter(d -> roomId.equals(d.room())).toList();
    }

    @Override
    public List<Device> with(Capability capability, String roomId) {
        return all().stream().filter(d -> d.has(capability) && (roomId == null || roomId.equals(d.room()))).toList();
    }

    @Override
    public synchronized CommandResult execute(String deviceId, Command command) {
        sent.add(deviceId + ":" + command);
        commands.add(command);
        Device d = devices.get(deviceId);
        Capability capability = command.capability();
        if (d != null && sensitive(d, command)) {
            if (!grants.contains(capability)) {
                return notAllowed(deviceId, capability);
            }
            String verb = capability == Capability.LOCK ? "Unlock" : "Open";
            return CommandResult.failed(deviceId, FailureCode.CONFIRMATION_REQUIRED,
                    verb + " the " + d.name() + "? The wearer has to confirm first.");
        }
        if (d == null) {
            return CommandResult.failed(deviceId, FailureCode.NO_DEVICE,
                    "There is no device " + deviceId + "; it may have been removed.");
        }
        if (!grants.contains(capability)) {
            return notAllowed(deviceId, capability);
        }
        if (!d.has(capability)) {
            return CommandResult.failed(deviceId, FailureCode.NOT_SUPPORTED,
                    "The " + d.name() + " cannot do that (" + capability + ").");
        }
        if (d.availability() == Availability.OFFLINE) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE, "The " + d.name() + " is offline"
                    + (d.availabilityReason() == null ? "." : ": " + d.availabilityReason() + "."));
        }
        if (deaf.contains(deviceId) || deafTo.contains(deviceId + ":" + command.attribute())) {
            return CommandResult.failed(deviceId, FailureCode.DEVICE_UNREACHABLE,
                    "The " + d.name() + " did not answer within 2 s.");
        }
        devices.put(deviceId, d.toBuilder().state(effects(d, command)).build());
        return CommandResult.ok(deviceId);
    }

    @Override
    public List<CommandResult> executeAll(Collection<String> deviceIds, Command command) {
        return deviceIds.stream().map(id -> execute(id, command)).toList();
    }

    @Override
    public synchronized long revision() {
        return revision;
    }

    // ---- as the hub and the virtual driver do it -------------------------------------------------------

    private static CommandResult notAllowed(String deviceId, Capability capability) {
        return CommandResult.failed(deviceId, FailureCode.NOT_ALLOWED, "The skill is not allowed to use "
                + capability + "; add it to the skill's \"grants\".");
    }

    /**
     * What the hub holds for the wearer's "yes", whatever skill sends it, and as conservatively: anything to a lock
     * but locking it, anything to a garage door's or a vehicle's cover but closing it.
     */
    private static boolean sensitive(Device d, Command command) {
        if (command.capability() == Capability.LOCK) {
            return !Boolean.TRUE.equals(command.value());
        }
        if (command.capability() == Capability.COVER
                && (d.type() == DeviceType.GARAGE_DOOR || d.type() == DeviceType.VEHICLE)) {
            return !(Attributes.POSITION.equals(command.attribute()) && command.value() instanceof Number n
                    && n.doubleValue() == 0);
        }
        return false;
    }

    /** The attributes a device that takes the command reports changed. */
    private static Map<String, Object> effects(Device d, Command command) {
        Map<String, Object> changes = new LinkedHashMap<>();
        String attribute = command.attribute();
        Object value = command.value();
        boolean onOff = d.has(Capability.ON_OFF);
        switch (attribute) {
            case Attributes.BRIGHTNESS -> {
                changes.put(attribute, value);
                if (onOff) {
                    changes.put(Attributes.ON, ((Number) value).intValue() > 0);
                }
            }
            case Attributes.ON -> {
                changes.put(attribute, value);
                if (Boolean.TRUE.equals(value) && Integer.valueOf(0).equals(d.state(Attributes.BRIGHTNESS))) {
                    changes.put(Attributes.BRIGHTNESS, 100);
                }
            }
            case Attributes.COLOR, Attributes.COLOR_TEMPERATURE -> {
                changes.put(attribute, value);
                if (onOff) {
                    changes.put(Attributes.ON, true);
                }
            }
            case Attributes.BREWING, Attributes.PLAYING -> {
                changes.put(attribute, value);
                if (onOff && !String.valueOf(value).isEmpty()) {
                    changes.put(Attributes.ON, true);
                }
            }
            case Attributes.VACUUM_STATE -> {
                String s = String.valueOf(value);
                int colon = s.indexOf(':');
                changes.put(Attributes.VACUUM_STATE, colon < 0 ? s : s.substring(0, colon));
                changes.put(Attributes.VACUUM_ROOM, colon < 0 ? "" : s.substring(colon + 1));
            }
            default -> changes.put(attribute, value);
        }
        return changes;
    }
}
