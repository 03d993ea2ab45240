package io.glint.skill.lights.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * Lights on, off, dimmed and coloured. The target is, in order: the light the wearer named, the room they
 * named, every light ("all the lights"), the room the wearer is in, or every light in the home.
 */
@Component
@SkillDefinition("glint/lights.json")
public class LightsSkill implements Skill {
    /** How far "brighter" / "dimmer" moves the level, in percent points. */
    static final int STEP = 25;

    private final Devices devices;

    @Activate
    public LightsSkill(@Reference Devices devices) {
        this.devices = devices;
    }

    @Override
    public SkillResult handle(Intent intent) {
        Targets targets = targets(intent);
        if (targets.problem != null) {
            return targets.problem;
        }
        switch (intent.name()) {
            case "light.turn_on":
                return apply(intent, targets, Command.turnOn(), Words.TURNED_ON);
            case "light.turn_off":
                return apply(intent, targets, Command.turnOff(), Words.TURNED_OFF);
            case "light.set_brightness":
                return brightness(intent, targets);
            case "light.set_color":
                return color(intent, targets);
            default:
                return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent, "I can't do that with lights.",
                        "灯光不支持这个操作。"));
        }
    }

    private SkillResult brightness(Intent intent, Targets targets) {
        Optional<Slot> level = intent.slot("level");
        if (level.isPresent()) {
            int percent = level.get().asInt();
            if (percent < 0 || percent > 100) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                        "Brightness goes from 0 to 100 percent.", "亮度范围是百分之零到一百。"));
            }
            Targets dimmable = targets.only(Capability.BRIGHTNESS);
            if (dimmable.lights.isEmpty()) {
                return notDimmable(intent, targets);
            }
            return apply(intent, dimmable, Command.brightness(percent), Words.setTo(percent));
        }
        boolean up = intent.slot("change").map(s -> "up".equals(s.value())).orElse(true);
        Targets dimmable = targets.only(Capability.BRIGHTNESS);
        if (dimmable.lights.isEmpty()) {
            return notDimmable(intent, targets);
        }
        List<CommandResult> results = new ArrayList<>();
        for (Device d : dimmable.lights) {
            int current = Boolean.TRUE.equals(d.state(Attributes.ON)) && d.state(Attributes.BRIGHTNESS) instanceof Number n
                    ? n.intValue() : 0;
            int next = Math.max(up ? STEP : 1, Math.min(100, current + (up ? STEP : -STEP)));
            results.add(devices.execute(d.id(), Command.brightness(next)));
        }
        return report(intent, dimmable, results, up ? Words.BRIGHTER : Words.DIMMER);
    }

    private SkillResult notDimmable(Intent intent, Targets targets) {
        return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                Words.capitalised(Words.describe(targets, "en")) + " cannot be dimmed.", Words.describe(targets, "zh") + "不能调亮度。"));
    }

    private SkillResult color(Intent intent, Targets targets) {
        Optional<Slot> white = intent.slot("white");
        Targets colourable = targets.only(Capability.COLOR);
        if (colourable.lights.isEmpty()) {
            return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                    Words.capitalised(Words.describe(targets, "en")) + " cannot change colour.",
                    Words.describe(targets, "zh") + "不能调颜色。"));
        }
        if (white.isPresent()) {
            int kelvin = white.get().asInt();
            return apply(intent, colourable, Command.colorTemperature(kelvin), Words.white(kelvin));
        }
        String color = intent.slot("color").map(Slot::value).orElse(null);
        if (color == null) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent, "Which colour?", "什么颜色？"));
        }
        return apply(intent, colourable, Command.color(color), Words.colour(color, intent.slot("color").get().raw()));
    }

    private SkillResult apply(Intent intent, Targets targets, Command command, Words.Action action) {
        List<CommandResult> results = devices.executeAll(targets.lights.stream().map(Device::id).toList(), command);
        return report(intent, targets, results, action);
    }

    /** Says exactly what happened: all, some (naming what failed), or none. */
    private SkillResult report(Intent intent, Targets targets, List<CommandResult> results, Words.Action action) {
        List<CommandResult> failed = results.stream().filter(r -> !r.ok()).toList();
        String lang = intent.lang();
        String what = Words.describe(targets, lang);
        if (failed.isEmpty()) {
            String speech = action.done(what, lang);
            return SkillResult.done(speech).withCard(Card.of(action.title(lang), Words.clip(what)));
        }
        if (failed.size() == results.size()) {
            CommandResult first = failed.get(0);
            String speech = failed.size() == 1 ? first.reason()
                    : Words.say(intent, "None of the " + results.size() + " lights answered: " + first.reason(),
                            results.size() + " 盏灯都没有响应：" + first.reason());
            return SkillResult.failed(first.code(), speech);
        }
        StringBuilder why = new StringBuilder();
        for (CommandResult f : failed) {
            String reason = f.reason();
            // after "Turned off 4 of 5 lights;" the reason goes on the sentence, it does not start one
            why.append(' ').append("zh".equals(lang) || reason.isEmpty() ? reason
                    : Character.toLowerCase(reason.charAt(0)) + reason.substring(1));
        }
        String speech = Words.say(intent,
                action.partial(results.size() - failed.size(), results.size(), "en") + ";" + why,
                action.partial(results.size() - failed.size(), results.size(), "zh") + "；" + why.toString().trim());
        return SkillResult.failed(FailureCode.PARTIAL, speech);
    }

    // ---- which lights ---------------------------------------------------------------------------------

    static final class Targets {
        final List<Device> lights;
        final Room room;
        final boolean wholeHome;
        final SkillResult problem;

        Targets(List<Device> lights, Room room, boolean wholeHome, SkillResult problem) {
            this.lights = lights;
            this.room = room;
            this.wholeHome = wholeHome;
            this.problem = problem;
        }

        Targets only(Capability capability) {
            return new Targets(lights.stream().filter(d -> d.has(capability)).toList(), room, wholeHome, problem);
        }
    }

    private Targets targets(Intent intent) {
        Optional<Slot> device = intent.slot("device");
        if (device.isPresent()) {
            List<Device> named = device.get().candidates().stream().map(devices::get).flatMap(Optional::stream)
                    .filter(d -> d.type() == DeviceType.LIGHT).toList();
            if (named.isEmpty()) {
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "I couldn't find a light called \"" + device.get().raw() + "\".",
                        "我找不到叫“" + device.get().raw() + "”的灯。")));
            }
            if (named.size() > 1) {
                return problem(SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE, Words.which(intent, named, devices)));
            }
            return new Targets(named, null, false, null);
        }
        if (intent.slot("all").isPresent()) {
            return new Targets(allLights(null), null, true, null);
        }
        String roomId = intent.slot("room").map(Slot::value).orElse(intent.room());
        if (roomId != null) {
            Room room = devices.room(roomId).orElse(null);
            List<Device> lights = allLights(roomId);
            if (lights.isEmpty()) {
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "There are no lights in the " + Words.name(room, roomId, "en") + ".",
                        Words.name(room, roomId, "zh") + "没有灯。")));
            }
            return new Targets(lights, room, false, null);
        }
        List<Device> all = allLights(null);
        if (all.isEmpty()) {
            return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    "There are no lights in this home yet.", "家里还没有灯。")));
        }
        return new Targets(all, null, true, null);
    }

    private static Targets problem(SkillResult r) {
        return new Targets(List.of(), null, false, r);
    }

    private List<Device> allLights(String roomId) {
        return devices.with(Capability.ON_OFF, roomId).stream().filter(d -> d.type() == DeviceType.LIGHT).toList();
    }
}
