package io.glint.skill.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Plays something on a speaker or TV, and sets its volume. One player is meant, in order: the one named, a
 * speaker (then a TV) in the room named, for volume whatever is playing, then the speaker in the wearer's room,
 * the first speaker in the home, a TV. A TV that is off is switched on before it is asked to play.
 */
@Component
@SkillDefinition("glint/media.json")
public class MediaSkill implements Skill {
    /** How far "louder" / "quieter" moves the volume, in percent points. */
    static final int STEP = 10;
    /** Assumed volume of a player that does not report one, so "louder" still does something sensible. */
    static final int UNKNOWN_VOLUME = 50;

    private final Devices devices;

    @Activate
    public MediaSkill(@Reference Devices devices) {
        this.devices = devices;
    }

    private record Target(Device device, SkillResult problem) {
    }

    @Override
    public SkillResult handle(Intent intent) {
        switch (intent.name()) {
            case "media.play":
                return play(intent);
            case "media.volume":
                return volume(intent);
            default:
                return SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                        "I can only play things and change the volume.", "我只会播放和调音量。"));
        }
    }

    // ---- play ------------------------------------------------------------------------------------------

    private SkillResult play(Intent intent) {
        Target target = target(intent, false);
        if (target.problem() != null) {
            return target.problem();
        }
        Device d = target.device();
        String lang = intent.lang();
        String spoken = spoken(intent);
        String name = Words.the(d, lang);
        boolean switchOn = d.has(Capability.ON_OFF) && Boolean.FALSE.equals(d.state(Attributes.ON));
        if (switchOn) {
            CommandResult on = devices.execute(d.id(), Command.turnOn());
            if (!on.ok()) {
                return SkillResult.failed(on.code(), on.reason());
            }
        }
        CommandResult r = devices.execute(d.id(), Command.play(Words.query(spoken)));
        if (!r.ok()) {
            if (switchOn && r.code() != FailureCode.CONFIRMATION_REQUIRED) {
                return SkillResult.failed(FailureCode.PARTIAL, Words.say(intent,
                        "Turned on " + name + ", but it did not start playing: " + r.reason(),
                        "已打开" + name + "，但没能开始播放：" + r.reason()));
            }
            return SkillResult.failed(r.code(), r.reason());
        }
        String speech;
        if (switchOn) {
            speech = Words.say(intent, "Turned on " + name + " and started playing " + spoken + ".",
                    "已打开" + name + "，正在播放" + spoken + "。");
        } else {
            speech = Words.say(intent, "Playing " + spoken + " on " + name + ".",
                    "正在" + name + "上播放" + spoken + "。");
        }
        return SkillResult.done(speech).withCard(Card.of(Words.say(intent, "Now playing", "正在播放"),
                Words.clip(Words.capitalise(spoken)), Words.clip(Words.capitalise(d.nameIn(lang)))));
    }

    /**
     * The words to say back: the slot as heard, with the article the template left out ("put on a podcast"
     * → "a podcast"), or "some music" when nothing was named.
     */
    private static String spoken(Intent intent) {
        String what = intent.slot("what").map(Slot::value).filter(s -> !s.isBlank()).orElse(null);
        if (what == null) {
            return Words.anything(intent.lang());
        }
        Matcher m = Pattern.compile("(?i)\\b(some|a|an)\\s+" + Pattern.quote(what) + "\\b").matcher(intent.text());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) + " " + what : what;
    }

    // ---- volume ----------------------------------------------------------------------------------------

    private SkillResult volume(Intent intent) {
        Optional<Slot> level = intent.slot("level");
        Optional<String> change = intent.slot("change").map(Slot::value);
        if (level.isEmpty() && change.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent, "How loud would you like it?",
                    "音量要调到多少？"));
        }
        if (level.isPresent() && (level.get().asInt() < 0 || level.get().asInt() > 100)) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, Words.say(intent,
                    "Volume goes from 0 to 100 percent.", "音量范围是百分之零到一百。"));
        }
        Target target = target(intent, true);
        if (target.problem() != null) {
            return target.problem();
        }
        Device d = target.device();
        String lang = intent.lang();
        String name = Words.the(d, lang);
        int current = d.state(Attributes.VOLUME) instanceof Number n ? n.intValue() : UNKNOWN_VOLUME;
        boolean up = change.map("up"::equals).orElse(false);
        int next = level.map(Slot::asInt).orElseGet(() -> Math.max(0, Math.min(100, current + (up ? STEP : -STEP))));
        if (level.isEmpty() && next == current) {
            return SkillResult.done(up
                    ? Words.say(intent, Words.capitalise(name) + " is already at full volume.", name + "已经是最大音量了。")
                    : Words.say(intent, Words.capitalise(name) + " is already silent.", name + "已经没有声音了。"))
                    .withCard(card(intent, d, current));
        }
        CommandResult r = devices.execute(d.id(), Command.volume(next));
        if (!r.ok()) {
            return SkillResult.failed(r.code(), r.reason());
        }
        String speech;
        if (level.isPresent() && next == 0) {
            speech = Words.say(intent, "Muted " + name + ".", name + "已静音。");
        } else if (level.isPresent()) {
            speech = Words.say(intent, "Set " + name + " volume to " + next + " %.",
                    "已把" + name + "音量调到" + next + "%。");
        } else {
            speech = Words.say(intent, "Turned " + name + (up ? " up" : " down") + " to " + next + " %.",
                    "已把" + name + "音量" + (up ? "调高" : "调低") + "到" + next + "%。");
        }
        return SkillResult.done(speech).withCard(card(intent, d, next));
    }

    private static Card card(Intent intent, Device d, int volume) {
        String lang = intent.lang();
        String name = Words.capitalise(d.nameIn(lang));
        String value = volume == 0 ? Words.say(intent, "muted", "静音") : volume + ("zh".equals(lang) ? "%" : " %");
        return Card.of(Words.say(intent, "Volume", "音量"), Words.clip(name + ("zh".equals(lang) ? "：" : ": ") + value));
    }

    // ---- which player ----------------------------------------------------------------------------------

    private Target target(Intent intent, boolean preferPlaying) {
        // "电视小声点" names a kind of player rather than a device
        DeviceType kind = intent.slot("kind").map(s -> Words.kind(s.value())).orElse(null);
        Optional<Slot> device = intent.slot("device");
        if (device.isPresent()) {
            Slot slot = device.get();
            List<Device> named = slot.candidates().stream().map(devices::get).flatMap(Optional::stream).toList();
            if (named.isEmpty() && !Words.generic(slot.raw())) {
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "I couldn't find a speaker or TV called \"" + slot.raw() + "\".",
                        "我找不到叫“" + slot.raw() + "”的音箱或电视。")));
            }
            if (named.isEmpty()) {
                kind = Words.kind(slot.raw());
            } else {
                List<Device> players = named.stream().filter(d -> d.has(Capability.MEDIA)).toList();
                if (players.isEmpty()) {
                    return problem(SkillResult.failed(FailureCode.NOT_SUPPORTED, Words.say(intent,
                            "The " + named.get(0).nameIn("en") + " can't play sound.",
                            named.get(0).nameIn("zh") + "不能播放声音。")));
                }
                if (players.size() > 1 && preferPlaying) {
                    List<Device> playing = players.stream().filter(MediaSkill::playing).toList();
                    players = playing.size() == 1 ? playing : players;
                }
                if (players.size() > 1) {
                    return problem(SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE,
                            Words.which(intent, players, devices)));
                }
                return new Target(players.get(0), null);
            }
        }
        DeviceType wanted = kind;
        Predicate<Device> ofKind = d -> wanted == null || d.type() == wanted;
        Optional<Slot> room = intent.slot("room");
        if (room.isPresent()) {
            List<Device> here = new ArrayList<>();
            room.get().candidates().forEach(id -> here.addAll(devices.with(Capability.MEDIA, id)));
            Device pick = pick(here.stream().filter(ofKind).toList(), null, preferPlaying);
            if (pick == null) {
                String id = room.get().candidates().isEmpty() ? room.get().raw() : room.get().candidates().get(0);
                Room r = devices.room(id).orElse(null);
                return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                        "There's no " + noun(wanted, "en") + " in the " + Words.name(r, id, "en") + ".",
                        Words.name(r, id, "zh") + "没有" + noun(wanted, "zh") + "。")));
            }
            return new Target(pick, null);
        }
        List<Device> all = devices.with(Capability.MEDIA, null).stream().filter(ofKind).toList();
        Device pick = pick(all, intent.room(), preferPlaying);
        if (pick == null) {
            return problem(SkillResult.failed(FailureCode.NO_DEVICE, Words.say(intent,
                    "There's no " + noun(wanted, "en") + " in this home that I can play on.",
                    "家里没有可以播放的" + noun(wanted, "zh") + "。")));
        }
        return new Target(pick, null);
    }

    /**
     * The player meant: for volume whatever is playing (in the wearer's room first), then the speaker in the
     * wearer's room, the first speaker, a TV in the wearer's room, the first TV, anything else that plays.
     */
    private static Device pick(List<Device> players, String room, boolean preferPlaying) {
        List<Predicate<Device>> order = new ArrayList<>();
        Predicate<Device> inRoom = d -> room != null && room.equals(d.room());
        Predicate<Device> speaker = d -> d.type() == DeviceType.SPEAKER;
        Predicate<Device> tv = d -> d.type() == DeviceType.TV;
        if (preferPlaying) {
            order.add(inRoom.and(MediaSkill::playing));
            order.add(MediaSkill::playing);
        }
        order.add(inRoom.and(speaker));
        order.add(speaker);
        order.add(inRoom.and(tv));
        order.add(tv);
        order.add(inRoom);
        order.add(d -> true);
        for (Predicate<Device> p : order) {
            Optional<Device> found = players.stream().filter(p).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        }
        return null;
    }

    private static boolean playing(Device d) {
        Object what = d.state(Attributes.PLAYING);
        return what instanceof String s && !s.isBlank()
                && !(d.has(Capability.ON_OFF) && Objects.equals(Boolean.FALSE, d.state(Attributes.ON)));
    }

    private static String noun(DeviceType kind, String lang) {
        boolean zh = "zh".equals(lang);
        if (kind == DeviceType.TV) {
            return zh ? "电视" : "TV";
        }
        if (kind == DeviceType.SPEAKER) {
            return zh ? "音箱" : "speaker";
        }
        return zh ? "音箱或电视" : "speaker or TV";
    }

    private static Target problem(SkillResult r) {
        return new Target(null, r);
    }
}
