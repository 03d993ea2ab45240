package io.glint.skill.climate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.device.Room;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;

/**
 * Thermostat and air conditioner set points: to a temperature, or a step warmer or cooler from the current set
 * point. The target is the device named, else the room named, else the wearer's room, else the whole home.
 * An air conditioner that is off is switched on when its set point is changed, unless that would work against
 * the wearer ("warmer" on an air conditioner that only cools).
 */
@Component
@SkillDefinition("glint/climate.json")
public class ClimateSkill implements Skill {
    /** How far "warmer" / "cooler" moves the set point, in °C. */
    static final double STEP = 1;
    /** The set points {@link Command#targetTemperature} accepts. */
    static final double MIN = 5;
    static final double MAX = 35;

    private final Devices devices;

    @Activate
    public ClimateSkill(@Reference Devices devices) {
        this.devices = devices;
    }

    /** Devices to act on; {@code room} is set when they were chosen as "the room's", for naming them. */
    record Targets(List<Device> devices, Room room, SkillResult problem) {
    }

    /** What happened to one device. */
    private record Outcome(Device device, double setPoint, CommandResult result, CommandResult turnedOn,
            boolean staysOff) {
    }

    @Override
    public SkillResult handle(Intent intent) {
        if (!"climate.set_temperature".equals(intent.name())) {
            return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    "I can only set temperatures.", "我只会调温度。"));
        }
        Optional<String> change = intent.slot("change").map(Slot::value);
        Optional<Slot> temperature = intent.slot("temperature");
        if (change.isEmpty() && temperature.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "What temperature would you like?", "要调到多少度？"));
        }
        Double fahrenheit = null;
        if (change.isEmpty()) {
            double celsius = temperature.get().asDouble();
            fahrenheit = Words.fahrenheit(temperature.get().raw(), celsius);
            if (celsius < MIN || celsius > MAX) {
                return outOfRange(intent, Words.degrees(celsius, fahrenheit, intent.lang()));
            }
        }
        Targets targets = targets(intent);
        if (targets.problem() != null) {
            return targets.problem();
        }
        if (change.isEmpty()) {
            return set(intent, targets, temperature.get().asDouble(), fahrenheit);
        }
        boolean up = "up".equals(change.get());
        double step = temperature.map(Slot::asDouble).map(Math::abs).orElse(STEP);
        return move(intent, targets, up, step);
    }

    private SkillResult set(Intent intent, Targets targets, double celsius, Double fahrenheit) {
        List<Outcome> outcomes = new ArrayList<>();
        for (Device d : targets.devices()) {
            outcomes.add(apply(d, celsius, null));
        }
        return report(intent, targets, outcomes, null, 0, Words.degrees(celsius, fahrenheit, intent.lang()));
    }

    private SkillResult move(Intent intent, Targets targets, boolean up, double step) {
        List<Outcome> outcomes = new ArrayList<>();
        List<Device> atLimit = new ArrayList<>();
        List<Device> unknown = new ArrayList<>();
        for (Device d : targets.devices()) {
            Double current = setPoint(d);
            if (current == null) {
                unknown.add(d);
                continue;
            }
            double next = Math.max(MIN, Math.min(MAX, current + (up ? step : -step)));
            if (next == current) {
                atLimit.add(d);
                continue;
            }
            outcomes.add(apply(d, next, up));
        }
        if (outcomes.isEmpty()) {
            if (!atLimit.isEmpty()) {
                double limit = up ? MAX : MIN;
                String lang = intent.lang();
                String who = atLimit.size() == 1 ? Words.one(atLimit.get(0), targets.room(), lang)
                        : Words.list(atLimit, lang);
                return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                        Words.capitalise(who) + (atLimit.size() == 1 ? " is" : " are") + " already at "
                                + Words.degrees(limit, null, lang) + ", the " + (up ? "highest" : "lowest")
                                + " I can set; the range is 5 to 35 °C.",
                        who + (atLimit.size() == 1 ? "" : "都") + "已经是" + Words.degrees(limit, null, lang)
                                + "了，可调范围是5到35度。"));
            }
            return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    "I don't know what " + Words.list(unknown, "en") + " is set to, so I can't go "
                            + (up ? "warmer" : "cooler") + " from it. Tell me a temperature instead.",
                    "不知道" + Words.list(unknown, "zh") + "现在设的是多少度，请直接告诉我要调到几度。"));
        }
        return report(intent, targets, outcomes, up, step, null);
    }

    /** Sets one device's set point, then switches an air conditioner that is off on when that helps. */
    private Outcome apply(Device d, double celsius, Boolean up) {
        CommandResult result = devices.execute(d.id(), Command.targetTemperature(celsius));
        boolean off = d.has(Capability.ON_OFF) && Boolean.FALSE.equals(d.state(Attributes.ON));
        if (!result.ok() || !off) {
            return new Outcome(d, celsius, result, null, false);
        }
        // an air conditioner that only cools (or heater that only heats) would work against "warmer" ("cooler")
        Object mode = d.state(Attributes.MODE);
        if (up != null && (up ? "cool".equals(mode) : "heat".equals(mode))) {
            return new Outcome(d, celsius, result, null, true);
        }
        return new Outcome(d, celsius, result, devices.execute(d.id(), Command.turnOn()), false);
    }

    private static Double setPoint(Device d) {
        if (d.state(Attributes.TARGET_TEMPERATURE) instanceof Number n) {
            return n.doubleValue();
        }
        if (d.state(Attributes.TEMPERATURE) instanceof Number n) {
            return Math.round(n.doubleValue() * 2) / 2.0; // start from the room as it is
        }
        return null;
    }

    private SkillResult outOfRange(Intent intent, String said) {
        return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                "I can set the temperature from 5 to 35 °C; " + said + " is out of range.",
                "温度只能设在5到35度之间，" + said + "超出了范围。"));
    }

    // ---- what to say -----------------------------------------------------------------------------------

    /**
     * All done, some done (naming what failed), or none. {@code up} is null for a set point, else the direction
     * moved by {@code step}; {@code to} is the spoken set point for an absolute change.
     */
    private SkillResult report(Intent intent, Targets targets, List<Outcome> outcomes, Boolean up, double step,
            String to) {
        String lang = intent.lang();
        boolean zh = Words.zh(intent);
        List<Outcome> failed = outcomes.stream().filter(o -> !o.result().ok()).toList();
        Optional<CommandResult> held = outcomes.stream().flatMap(o -> o.turnedOn() == null
                ? java.util.stream.Stream.of(o.result()) : java.util.stream.Stream.of(o.result(), o.turnedOn()))
                .filter(r -> r.code() == FailureCode.CONFIRMATION_REQUIRED).findFirst();
        if (held.isPresent()) {
            return SkillResult.failed(FailureCode.CONFIRMATION_REQUIRED, held.get().reason());
        }
        if (failed.size() == outcomes.size()) {
            CommandResult first = failed.get(0).result();
            String speech = failed.size() == 1 ? first.reason() : Words.say(intent,
                    "None of the " + failed.size() + " " + Words.plural(devicesOf(failed)) + " answered: "
                            + first.reason(),
                    failed.size() + "台设备都没有响应：" + first.reason());
            return SkillResult.failed(first.code(), speech);
        }
        List<Outcome> done = outcomes.stream().filter(o -> o.result().ok()).toList();
        List<Device> ok = devicesOf(done);
        String what = group(ok, targets.room(), lang);
        String change = up == null ? null : Words.degrees(step, null, lang);
        String single = ok.size() == 1 ? Words.degrees(done.get(0).setPoint(), null, lang) : null;
        StringBuilder speech = new StringBuilder();
        List<Device> turnedOn = done.stream().filter(o -> o.turnedOn() != null && o.turnedOn().ok())
                .map(Outcome::device).toList();
        List<Outcome> notOn = done.stream().filter(o -> o.turnedOn() != null && !o.turnedOn().ok()).toList();
        List<Device> staysOff = done.stream().filter(Outcome::staysOff).map(Outcome::device).toList();
        if (zh) {
            if (ok.size() == 1 && !turnedOn.isEmpty()) {
                speech.append("已打开").append(what).append("并").append(up == null ? "调到" + to
                        : (up ? "调高到" : "调低到") + single);
            } else if (ok.size() == 1) {
                speech.append("已把").append(what).append(up == null ? "调到" + to : (up ? "调高到" : "调低到") + single);
            } else {
                speech.append("已把").append(what).append(ok.size() == 2 ? "都" : "")
                        .append(up == null ? "调到" + to : (up ? "调高" : "调低") + change);
                if (!turnedOn.isEmpty()) {
                    speech.append("，并打开了").append(Words.list(turnedOn, lang));
                }
            }
            if (!staysOff.isEmpty()) {
                speech.append(ok.size() == 1 ? "，它仍然关着" : "；" + Words.list(staysOff, lang) + "仍然关着");
            }
            speech.append("。");
        } else {
            if (ok.size() == 1 && !turnedOn.isEmpty()) {
                speech.append("Turned on ").append(what).append(" and set it to ")
                        .append(up == null ? to : single + ", " + change + (up ? " warmer" : " cooler"));
            } else if (ok.size() == 1) {
                speech.append(up == null ? "Set " + what + " to " + to
                        : "Turned " + what + (up ? " up" : " down") + " to " + single);
            } else {
                speech.append(up == null ? "Set " + what + " to " + to
                        : "Turned " + what + (up ? " up" : " down") + " by " + change);
                if (!turnedOn.isEmpty()) {
                    speech.append(" and turned on ").append(Words.list(turnedOn, lang));
                }
            }
            if (!staysOff.isEmpty()) {
                speech.append(ok.size() == 1 ? "; it stays off" : "; " + Words.list(staysOff, lang)
                        + (staysOff.size() == 1 ? " stays" : " stay") + " off");
            }
            speech.append(".");
        }
        Card card = card(done, lang);
        if (failed.isEmpty() && notOn.isEmpty()) {
            return SkillResult.done(capitalised(speech.toString(), zh)).withCard(card);
        }
        // partial: say what worked, then each reason
        StringBuilder why = new StringBuilder();
        for (Outcome o : failed) {
            why.append(zh ? "" : " ").append(o.result().reason());
        }
        for (Outcome o : notOn) {
            why.append(zh ? o.device().nameIn(lang) + "没有打开：" : " The " + o.device().nameIn(lang)
                    + " did not turn on: ").append(o.turnedOn().reason());
        }
        String head = speech.substring(0, speech.length() - 1);
        if (!failed.isEmpty()) {
            String plural = Words.plural(devicesOf(outcomes));
            head = zh ? (up == null ? "已把" + outcomes.size() + "台中的" + done.size() + "台调到" + to
                    : "已把" + outcomes.size() + "台中的" + done.size() + "台" + (up ? "调高" : "调低") + change)
                    : up == null ? "Set " + done.size() + " of " + outcomes.size() + " " + plural + " to " + to
                    : "Turned " + done.size() + " of " + outcomes.size() + " " + plural + (up ? " up" : " down")
                            + " by " + change;
        }
        return SkillResult.failed(FailureCode.PARTIAL, capitalised(head, zh) + (zh ? "；" : ";") + why);
    }

    /** One device by name; two as "both X and Y" / "X和Y"; more as "all 3 thermostats" / "全部3台温控设备". */
    private String group(List<Device> ds, Room room, String lang) {
        boolean zh = "zh".equals(lang);
        if (ds.size() == 1) {
            return Words.one(ds.get(0), room, lang);
        }
        String where = room == null ? "" : Words.name(room, room.id(), lang);
        if (ds.size() == 2) {
            return zh ? (where.isEmpty() ? "" : where + "的") + Words.list(ds, lang)
                    : "both " + Words.list(ds, lang) + (where.isEmpty() ? "" : " in the " + where);
        }
        return zh ? (where.isEmpty() ? "全部" : where + "的全部") + ds.size() + "台温控设备"
                : "all " + ds.size() + " " + Words.plural(ds) + (where.isEmpty() ? "" : " in the " + where);
    }

    private static Card card(List<Outcome> done, String lang) {
        boolean zh = "zh".equals(lang);
        List<String> lines = new ArrayList<>();
        for (Outcome o : done) {
            if (lines.size() == Card.MAX_LINES - 1 && done.size() > Card.MAX_LINES) {
                lines.add(zh ? "另外" + (done.size() - lines.size()) + "台" : "+" + (done.size() - lines.size())
                        + " more");
                break;
            }
            String name = Words.capitalise(o.device().nameIn(lang));
            lines.add(Words.clip(name + (zh ? "：" : ": ") + Words.degrees(o.setPoint(), null, lang)));
        }
        return Card.of(zh ? "温度" : "Temperature", lines);
    }

    private static List<Device> devicesOf(List<Outcome> outcomes) {
        return outcomes.stream().map(Outcome::device).toList();
    }

    private static String capitalised(String s, boolean zh) {
        return zh ? s : Words.capitalise(s);
    }

    // ---- which devices ---------------------------------------------------------------------------------

    private Targets targets(Intent intent) {
        Set<DeviceType> kind = Words.kind(intent.text());
        Optional<Slot> device = intent.slot("device");
        if (device.isPresent() && !(device.get().candidates().isEmpty() && Words.generic(device.get().raw()))) {
            Slot slot = device.get();
            List<Device> named = slot.candidates().stream().map(devices::get).flatMap(Optional::stream).toList();
            if (named.isEmpty()) {
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "I couldn't find a thermostat or air conditioner called \"" + slot.raw() + "\".",
                        "我找不到叫“" + slot.raw() + "”的空调或恒温器。")));
            }
            List<Device> able = named.stream().filter(d -> d.has(Capability.THERMOSTAT)).toList();
            if (able.isEmpty()) {
                return problem(SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                        "The " + named.get(0).nameIn("en") + " has no temperature setting.",
                        named.get(0).nameIn("zh") + "不能调温度。")));
            }
            if (able.size() > 1) {
                return problem(SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE, Words.which(intent, able, devices)));
            }
            return new Targets(able, null, null);
        }
        Optional<Slot> roomSlot = intent.slot("room");
        if (roomSlot.isPresent()) {
            List<Device> found = new ArrayList<>();
            roomSlot.get().candidates().forEach(id -> found.addAll(climate(id, kind)));
            List<String> ids = roomSlot.get().candidates();
            String id = ids.isEmpty() ? roomSlot.get().raw() : ids.get(0);
            Room room = devices.room(id).orElse(null);
            if (found.isEmpty()) {
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "There's no " + Words.noun(kind, "en") + " in the " + Words.name(room, id, "en") + ".",
                        Words.name(room, id, "zh") + "没有" + Words.noun(kind, "zh") + "。")));
            }
            return new Targets(found, roomSlot.get().candidates().size() == 1 ? room : null, null);
        }
        if (intent.room() != null) {
            List<Device> here = climate(intent.room(), kind);
            if (!here.isEmpty()) {
                return new Targets(here, devices.room(intent.room()).orElse(null), null);
            }
        }
        List<Device> all = climate(null, kind);
        if (all.isEmpty()) {
            return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    "There's no " + Words.noun(kind, "en") + " in this home that I can set.",
                    "家里没有可以调温度的" + Words.noun(kind, "zh") + "。")));
        }
        return new Targets(all, null, null);
    }

    private List<Device> climate(String roomId, Set<DeviceType> kind) {
        return devices.with(Capability.THERMOSTAT, roomId).stream()
                .filter(d -> kind.isEmpty() || kind.contains(d.type())).toList();
    }

    private static Targets problem(SkillResult r) {
        return new Targets(List.of(), null, r);
    }
}
