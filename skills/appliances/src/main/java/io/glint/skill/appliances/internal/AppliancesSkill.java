package io.glint.skill.appliances.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.skill.appliances.internal.Targets.Found;
import io.glint.skill.appliances.internal.Targets.Scope;

/**
 * Appliances on and off, blinds, curtains and the garage door, locks, the robot vacuum, the coffee machine,
 * and questions about how any of them (and the lights, and the temperature) are. Unlocking and opening the
 * garage door are sent like anything else: the hub holds them until the wearer confirms, and the skill says so
 * by passing CONFIRMATION_REQUIRED on.
 */
@Component
@SkillDefinition("glint/appliances.json")
public class AppliancesSkill implements Skill {
    private final Devices devices;
    private final Targets targets;

    @Activate
    public AppliancesSkill(@Reference Devices devices) {
        this.devices = devices;
        this.targets = new Targets(devices);
    }

    @Override
    public SkillResult handle(Intent intent) {
        switch (intent.name()) {
            case "device.turn_on":
                return power(intent, true);
            case "device.turn_off":
                return power(intent, false);
            case "cover.open":
                return cover(intent, true);
            case "cover.close":
                return cover(intent, false);
            case "lock.lock":
                return lock(intent, true);
            case "lock.unlock":
                return lock(intent, false);
            case "vacuum.start":
                return vacuumStart(intent);
            case "vacuum.stop":
                return vacuumStop(intent);
            case "coffee.make":
                return coffee(intent);
            case "device.query":
                return query(intent);
            default:
                return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent, "I can't do that.",
                        "这个我做不到。"));
        }
    }

    // ---- doing ----------------------------------------------------------------------------------------

    private SkillResult power(Intent intent, boolean on) {
        if (!intent.has("device")) {
            return SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE, Words.say(intent,
                    on ? "What should I turn on?" : "What should I turn off?", on ? "要打开什么？" : "要关掉什么？"));
        }
        Found found = targets.find(intent, Capability.ON_OFF, d -> true, Scope.ONE);
        return found.problem() != null ? found.problem()
                : run(intent, found.devices(), Command.power(on), on ? Words.TURNED_ON : Words.TURNED_OFF);
    }

    private SkillResult cover(Intent intent, boolean open) {
        int position = intent.slot("position").map(Slot::asInt).orElse(open ? 100 : 0);
        // with nothing named, "open" never means the garage door
        Found found = targets.find(intent, Capability.COVER, d -> !open || d.type() != DeviceType.GARAGE_DOOR,
                Scope.ROOM);
        if (found.problem() != null) {
            return found.problem();
        }
        Words.Action action = position >= 100 ? Words.OPENED : position <= 0 ? Words.CLOSED
                : Words.position(position, open);
        return run(intent, found.devices(), Command.coverPosition(position), action);
    }

    private SkillResult lock(Intent intent, boolean lock) {
        Found found = lock && intent.has("all") ? Found.of(devices.with(Capability.LOCK, null))
                : targets.find(intent, Capability.LOCK, d -> true, Scope.ONE);
        if (found.problem() != null) {
            return found.problem();
        }
        if (found.devices().isEmpty()) {
            return SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent, "There are no locks in this home.",
                    "家里没有门锁。"));
        }
        return run(intent, found.devices(), lock ? Command.lock() : Command.unlock(),
                lock ? Words.LOCKED : Words.UNLOCKED);
    }

    private SkillResult vacuumStart(Intent intent) {
        Found found = targets.only(intent, Capability.VACUUM);
        if (found.problem() != null) {
            return found.problem();
        }
        String room = intent.slot("room").map(Slot::value).orElse(null);
        return run(intent, found.devices(), Command.startVacuum(room), Words.vacuumStart(room, devices));
    }

    private SkillResult vacuumStop(Intent intent) {
        Found found = targets.only(intent, Capability.VACUUM);
        if (found.problem() != null) {
            return found.problem();
        }
        Device vacuum = found.first();
        if ("docked".equals(vacuum.state(Attributes.VACUUM_STATE))) {
            String already = Words.answer(null, Words.state(vacuum, Capability.VACUUM, intent, devices), intent);
            return SkillResult.done(already).withCard(Card.of(Words.VACUUM_HOME.title(intent.lang()),
                    Words.clip(already)));
        }
        return run(intent, found.devices(), Command.stopVacuum(), Words.VACUUM_HOME);
    }

    private SkillResult coffee(Intent intent) {
        Found found = targets.only(intent, Capability.COFFEE_MAKER);
        if (found.problem() != null) {
            return found.problem();
        }
        Device machine = found.first();
        if (machine.has(Capability.ON_OFF) && !Boolean.TRUE.equals(machine.state(Attributes.ON))) {
            CommandResult on = devices.execute(machine.id(), Command.turnOn());
            if (!on.ok()) {
                return SkillResult.failed(on.code(), on.reason());
            }
        }
        String drink = Words.drink(intent.slot("kind").map(Slot::value).filter(k -> !k.isBlank()).orElse("coffee"));
        return run(intent, found.devices(), Command.brew(drink), Words.brewing(drink));
    }

    private SkillResult run(Intent intent, List<Device> targets, Command command, Words.Action action) {
        List<CommandResult> results = devices.executeAll(targets.stream().map(Device::id).toList(), command);
        return report(intent, targets, results, action);
    }

    /**
     * Says exactly what happened: all, some (naming what failed), or none. A sensitive command the hub held
     * comes back as CONFIRMATION_REQUIRED and is passed on as it is: the hub asks the wearer.
     */
    private SkillResult report(Intent intent, List<Device> targets, List<CommandResult> results, Words.Action action) {
        String lang = intent.lang();
        List<Device> done = new ArrayList<>();
        List<CommandResult> failed = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).ok()) {
                done.add(targets.get(i));
            } else {
                failed.add(results.get(i));
            }
        }
        if (failed.isEmpty()) {
            String what = Words.list(targets, intent);
            return SkillResult.done(action.done(what, lang)).withCard(Card.of(action.title(lang), Words.clip(what)));
        }
        CommandResult first = failed.get(0);
        if (done.isEmpty()) {
            return SkillResult.failed(first.code(), failed.size() == 1 ? first.reason()
                    : Words.say(intent, "None of them worked: " + first.reason(), "都没有成功：" + first.reason()));
        }
        StringBuilder why = new StringBuilder();
        for (CommandResult f : failed) {
            why.append("; ").append(Words.zh(lang) ? f.reason() : Words.decapitalise(f.reason()));
        }
        return SkillResult.failed(FailureCode.PARTIAL,
                action.partial(done.size(), results.size(), Words.list(done, intent), lang) + why);
    }

    // ---- asking ---------------------------------------------------------------------------------------

    private SkillResult query(Intent intent) {
        String attribute = intent.slot("attribute").map(Slot::value).orElse("status");
        if (attribute.equals("temperature")) {
            return temperature(intent);
        }
        if (attribute.equals("lights_on")) {
            return lightsOn(intent);
        }
        Capability asked = switch (attribute) {
            case "locked", "unlocked" -> Capability.LOCK;
            case "open", "closed" -> Capability.COVER;
            case "on", "off" -> Capability.ON_OFF;
            case "vacuum" -> Capability.VACUUM;
            default -> null;
        };
        if (!intent.has("device") && asked == null) {
            return SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE, Words.say(intent, "Which device do you mean?",
                    "你问的是哪个设备？"));
        }
        Found found = targets.find(intent, null, d -> d.has(asked), Scope.ALL);
        if (found.problem() != null) {
            return found.problem();
        }
        return answer(intent, found.devices(), attribute);
    }

    /** One sentence per device; a yes or no first when the question was about one device. */
    private SkillResult answer(Intent intent, List<Device> asked, String attribute) {
        List<String> sentences = new ArrayList<>();
        for (Device d : asked) {
            if (d.availability() == Availability.OFFLINE) {
                sentences.add(Words.offline(d, intent));
                continue;
            }
            Capability about = about(d, attribute);
            Boolean yes = asked.size() == 1 ? yes(d, about, attribute) : null;
            sentences.add(Words.answer(yes, Words.state(d, about, intent, devices), intent));
        }
        String speech = String.join(Words.zh(intent.lang()) ? "" : " ", sentences);
        return SkillResult.answer(speech).withCard(Card.of(Words.clip(Words.capitalise(Words.list(asked, intent))),
                Words.clip(sentences.get(0))));
    }

    /** Which of a device's capabilities a question is about ("开着吗" asks about a cover's being open, too). */
    private static Capability about(Device d, String attribute) {
        boolean onOff = attribute.equals("on") || attribute.equals("off");
        if ((attribute.equals("locked") || attribute.equals("unlocked")) && d.has(Capability.LOCK)) {
            return Capability.LOCK;
        }
        if (onOff && d.has(Capability.ON_OFF)) {
            return Capability.ON_OFF;
        }
        if ((onOff || attribute.equals("open") || attribute.equals("closed")) && d.has(Capability.COVER)) {
            return Capability.COVER;
        }
        for (Capability c : List.of(Capability.LOCK, Capability.COVER, Capability.VACUUM, Capability.ON_OFF,
                Capability.THERMOSTAT, Capability.MEDIA)) {
            if (d.has(c)) {
                return c;
            }
        }
        return null;
    }

    /** Whether the answer to a yes/no question is yes; null when the question does not fit the device. */
    private static Boolean yes(Device d, Capability about, String attribute) {
        if (about == Capability.LOCK && (attribute.equals("locked") || attribute.equals("unlocked"))) {
            return Boolean.TRUE.equals(d.state(Attributes.LOCKED)) == attribute.equals("locked");
        }
        boolean positive = attribute.equals("on") || attribute.equals("open");
        if (!positive && !attribute.equals("off") && !attribute.equals("closed")) {
            return null;
        }
        if (about == Capability.COVER) {
            boolean open = d.state(Attributes.POSITION) instanceof Number n && n.intValue() > 0;
            return open == positive;
        }
        if (about == Capability.ON_OFF) {
            return Boolean.TRUE.equals(d.state(Attributes.ON)) == positive;
        }
        return null;
    }

    /** The measured temperature in the room named or the wearer's room, or in every room that has a sensor. */
    private SkillResult temperature(Intent intent) {
        String roomId = intent.slot("room").map(Slot::value).orElse(intent.room());
        List<Device> sensors = devices.all().stream().filter(d -> d.state(Attributes.TEMPERATURE) instanceof Number)
                .filter(d -> roomId == null || roomId.equals(d.room())).toList();
        if (sensors.isEmpty()) {
            return SkillResult.failed(FailureCode.NO_DEVICE, roomId == null
                    ? Words.say(intent, "There's no temperature sensor in this home.", "家里没有温度传感器。")
                    : Words.say(intent, "There's no temperature sensor in the " + Words.roomName(devices, roomId, "en")
                            + ".", Words.roomName(devices, roomId, "zh") + "没有温度传感器。"));
        }
        List<Device> online = sensors.stream().filter(Device::online).toList();
        if (online.isEmpty()) {
            return SkillResult.answer(Words.offline(sensors.get(0), intent));
        }
        List<String> readings = new ArrayList<>();
        List<String> seenRooms = new ArrayList<>();
        for (Device d : online) {
            if (!seenRooms.contains(String.valueOf(d.room()))) { // one reading per room
                seenRooms.add(String.valueOf(d.room()));
                readings.add(Words.temperature(d.state(Attributes.TEMPERATURE), d.room(), devices, intent.lang()));
            }
        }
        String speech = Words.zh(intent.lang()) ? String.join("，", readings) + "。"
                : Words.capitalise(String.join(", and ", readings)) + ".";
        return SkillResult.answer(speech).withCard(Card.of(Words.say(intent, "Temperature", "温度"),
                readings.stream().limit(Card.MAX_LINES).map(r -> Words.clip(Words.capitalise(r))).toList()));
    }

    /** Which lights are on, in the room named or the whole home. */
    private SkillResult lightsOn(Intent intent) {
        String roomId = intent.slot("room").map(Slot::value).orElse(null);
        List<Device> lights = devices.all().stream().filter(d -> d.type() == DeviceType.LIGHT)
                .filter(d -> roomId == null || roomId.equals(d.room())).toList();
        String where = roomId == null ? null : Words.roomName(devices, roomId, intent.lang());
        if (lights.isEmpty()) {
            return SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    where == null ? "There are no lights in this home." : "There are no lights in the " + where + ".",
                    (where == null ? "家里" : where) + "没有灯。"));
        }
        if (roomId != null && lights.size() == 1) { // "is the kitchen light on": that light
            return answer(intent, lights, "on");
        }
        List<Device> on = lights.stream().filter(Device::online)
                .filter(d -> Boolean.TRUE.equals(d.state(Attributes.ON))).toList();
        List<Device> offline = lights.stream().filter(d -> !d.online()).toList();
        String speech;
        if (on.isEmpty()) {
            speech = Words.say(intent, where == null ? "All the lights are off." : "All the lights in the " + where
                    + " are off.", (where == null ? "所有的灯" : where + "的灯") + "都关着。");
        } else {
            String names = Words.list(on, intent);
            speech = Words.say(intent, Words.capitalise(names) + (on.size() == 1 ? " is on." : " are on."),
                    names + "开着。");
        }
        if (!offline.isEmpty()) {
            speech += Words.say(intent, " ", "") + Words.say(intent, Words.capitalise(Words.list(offline, intent))
                    + (offline.size() == 1 ? " is" : " are") + " offline.", Words.list(offline, intent) + "离线。");
        }
        return SkillResult.answer(speech).withCard(Card.of(Words.say(intent, "Lights on", "开着的灯"),
                Words.clip(on.isEmpty() ? Words.say(intent, "none", "没有") : Words.list(on, intent))));
    }
}
