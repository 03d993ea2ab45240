package io.glint.nlu.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;

/**
 * Resolves slot spans: rooms and devices against the registry's names, numbers, percentages, temperatures,
 * colours, times and durations by their spelling. A device name the registry does not know still fills a device slot, marked
 * unresolved, so "turn on the spaceship" is understood and answered with "no such device" rather than
 * "I did not understand".
 */
public final class RegistryResolver implements Template.SlotResolver {
    // Not thread-safe: a resolver belongs to the one utterance being matched.
    /** An unknown device name longer than this is more likely a sentence the templates did not foresee. */
    static final int MAX_UNKNOWN_DEVICE_TOKENS = 3;
    private static final Pattern PHONE_DIGITS = Pattern.compile("\\+?[0-9]{3,}");
    /** The same in Han characters, one token each: 空气净化器 is one name of five. */
    static final int MAX_UNKNOWN_DEVICE_HAN = 6;
    private static final Set<String> NOT_A_DEVICE_NAME = Set.of("the", "a", "an", "all", "it", "them", "this",
            "that", "to", "in", "on", "off", "of", "and", "please", "my");

    private static final Template.Resolution NONE = new Template.Resolution(null, List.of(), false, -1);

    private record Span(String type, int from, int to) {
    }

    /** Words that stand for the device(s) the wearer was last talking about. */
    static final Set<String> PRONOUNS = Set.of("it", "them", "that", "this", "those", "它", "它们", "这个", "那个");
    /** The value of a device slot filled by a pronoun that has nothing to refer to: the hub asks. */
    static final String UNRESOLVED_REFERENCE = io.glint.nlu.Nlu.UNRESOLVED_REFERENCE;

    /** Words for a kind of device, said when no device has that name ("the heating", "空调"). */
    static final java.util.Map<String, DeviceType> KIND_WORDS = kindWords();
    /** Particles that start a Chinese clause and never a device name. */
    static final Set<String> LEADING_HAN_PARTICLES = Set.of("把", "在", "用", "给", "让", "将", "帮");

    private final Lexicon lexicon;
    private final List<String> referents;
    /** One resolver serves one utterance: many templates ask about the same spans, each is resolved once. */
    private final java.util.Map<Span, Template.Resolution> memo = new java.util.HashMap<>();
    private List<String> memoFor;

    public RegistryResolver(Lexicon lexicon) {
        this(lexicon, List.of());
    }

    public RegistryResolver(Lexicon lexicon, List<String> referents) {
        this.lexicon = lexicon;
        this.referents = referents;
    }

    @Override
    public Template.Resolution resolve(String type, List<String> tokens, int from, int to) {
        if (tokens != memoFor) {
            memo.clear();
            memoFor = tokens;
        }
        Template.Resolution r = memo.computeIfAbsent(new Span(type, from, to),
                k -> Objects.requireNonNullElse(compute(type, tokens, from, to), NONE));
        return r == NONE ? null : r;
    }

    private Template.Resolution compute(String type, List<String> tokens, int from, int to) {
        String key = Text.key(tokens, from, to);
        switch (SlotTypes.base(type)) {
            case SlotTypes.ROOM: {
                Set<String> ids = lexicon.rooms(key);
                return ids.isEmpty() ? null : ids(ids, 0);
            }
            case SlotTypes.DEVICE:
                return device(type, tokens, from, to, key);
            case SlotTypes.NUMBER: {
                Double v = Numbers.parse(tokens, from, to);
                return v == null ? null : value(Numbers.format(v));
            }
            case SlotTypes.PERCENT: {
                Double v = Quantities.percent(tokens, from, to);
                return v == null ? null : value(Numbers.format(v));
            }
            case SlotTypes.TEMPERATURE: {
                Double v = Quantities.celsius(tokens, from, to);
                return v == null ? null : value(Numbers.format(v));
            }
            case SlotTypes.COLOR: {
                String c = Colors.lookup(key);
                return c == null ? null : value(c);
            }
            case SlotTypes.TIME: {
                String v = Times.parse(tokens, from, to);
                return v == null ? null : value(v);
            }
            case SlotTypes.DURATION: {
                java.time.Duration v = Durations.parse(tokens, from, to);
                return v == null ? null : value(v.toString());
            }
            case SlotTypes.CONTACT:
                return contact(tokens, from, to, key);
            case SlotTypes.TEXT:
                return value(Text.join(tokens, from, to));
            default:
                return null;
        }
    }

    /** Words that start no one's name: "call a taxi firm", "tell them …", "tell me …" are not about a contact. */
    private static final Set<String> NOT_A_NAME = Set.of("a", "an", "the", "some", "any", "this", "that", "these",
            "those", "me", "you", "him", "her", "it", "us", "them", "everyone", "everybody", "somebody", "someone",
            "我", "你", "他", "她", "它", "我们", "他们", "大家", "一个", "这个", "那个");

    /**
     * A contact the phone shares, or a number said as digits. Another short name is kept unresolved, so the skill
     * can say it is not in the contacts; a phrase that starts like no name does not fill the slot.
     */
    private Template.Resolution contact(List<String> tokens, int from, int to, String key) {
        Set<String> names = lexicon.contacts(key);
        if (!names.isEmpty()) {
            return ids(names, 0);
        }
        if ("我".equals(tokens.get(from)) && to - from > 1) {
            // "我妈", "我的老王": the contact after "my"; a kinship word said once is the doubled one ("妈" → "妈妈")
            int rest = "的".equals(tokens.get(from + 1)) ? from + 2 : from + 1;
            if (rest < to) {
                String after = Text.key(tokens, rest, to);
                Set<String> mine = lexicon.contacts(after);
                if (mine.isEmpty() && to - rest == 1) {
                    mine = lexicon.contacts(Text.key(List.of(tokens.get(rest), tokens.get(rest)), 0, 2));
                }
                if (!mine.isEmpty()) {
                    return ids(mine, 0);
                }
            }
        }
        String digits = String.join("", tokens.subList(from, to));
        if (PHONE_DIGITS.matcher(digits).matches()) {
            return value(digits);
        }
        boolean chinese = tokens.get(from).codePoints().anyMatch(Character::isIdeographic);
        if (NOT_A_NAME.contains(tokens.get(from)) || to - from > (chinese ? 4 : 2)
                || tokens.subList(from, to).stream().anyMatch(t -> t.chars().anyMatch(Character::isDigit))) {
            return null;
        }
        return new Template.Resolution(null, List.of(), false, 0);
    }

    private static Template.Resolution value(String v) {
        return new Template.Resolution(v, List.of(v), true, 0);
    }

    private static Template.Resolution ids(Set<String> ids, int specificity) {
        List<String> list = List.copyOf(ids);
        return new Template.Resolution(list.size() == 1 ? list.get(0) : null, list, true, specificity);
    }

    private Template.Resolution device(String type, List<String> tokens, int from, int to, String key) {
        Set<DeviceType> types = types(type);
        if (PRONOUNS.contains(key)) {
            return pronoun(types, key);
        }
        Set<String> named = lexicon.devices(key);
        if (named.isEmpty() && to - from >= 1 && tokens.get(to - 1).endsWith("s") && tokens.get(to - 1).length() > 3) {
            List<String> singular = new ArrayList<>(tokens.subList(from, to));
            String last = singular.remove(singular.size() - 1);
            singular.add(last.substring(0, last.length() - 1));
            named = lexicon.devices(String.join(" ", singular));
        }
        if (named.isEmpty()) {
            named = roomQualified(tokens, from, to);
        }
        if (!named.isEmpty()) {
            Set<String> found = filter(named, types);
            // a device the home has, of a kind this slot does not take: another intent is meant
            return found.isEmpty() ? null : ids(found, types.isEmpty() ? 0 : 1);
        }
        DeviceType kind = kind(tokens, from, to);
        if (kind != null && !types.isEmpty() && !types.contains(kind)) {
            return null; // "the lights", "the wemo plug" in a thermostat slot: another intent is meant
        }
        boolean han = Text.isHan(tokens.get(from).codePointAt(0));
        if (han && LEADING_HAN_PARTICLES.contains(tokens.get(from))) {
            return null; // 把台灯…: the particle belongs to the sentence, not to a name
        }
        if (to - from > (han ? MAX_UNKNOWN_DEVICE_HAN : MAX_UNKNOWN_DEVICE_TOKENS) || tokens.subList(from, to).stream()
                .anyMatch(t -> NOT_A_DEVICE_NAME.contains(t) || Numbers.parse(List.of(t)) != null)) {
            return null;
        }
        if (kind == null) {
            // "open spotify", "turn on the charm": a name that does not even say it is a device is more likely
            // something no skill here is about than a device the home lacks
            return null;
        }
        // "the garden light", "the wemo plug": a device the home does not have, of a kind the slot takes
        return new Template.Resolution(null, List.of(), false, types.contains(kind) ? 1 : 0);
    }

    /** The kind of device an unknown name says it is, from its last words ("wemo plug", "小米台灯"). */
    static DeviceType kind(List<String> tokens, int from, int to) {
        for (int end = to; end > from; end--) {
            for (int start = Math.max(from, end - 2); start < end; start++) {
                String key = Text.key(tokens, start, end);
                DeviceType k = KIND_WORDS.get(key);
                if (k == null && key.endsWith("s") && key.length() > 2) {
                    k = KIND_WORDS.get(key.substring(0, key.length() - 1));
                }
                if (k != null) {
                    return k;
                }
            }
            if (Text.isHan(tokens.get(end - 1).codePointAt(0)) && end - from >= 2) {
                continue; // Chinese: the kind word may span several characters; try shorter spans from the end
            }
            break; // English: the head noun is the last word
        }
        return null;
    }

    /**
     * "it": the referents the slot accepts. None at all → filled without a value (the hub asks what "it" is);
     * referents of another kind → no match, so the intent for the right kind of device wins.
     */
    private Template.Resolution pronoun(Set<DeviceType> types, String word) {
        if (referents.isEmpty()) {
            return new Template.Resolution(UNRESOLVED_REFERENCE, List.of(), true, 0);
        }
        Set<String> found = filter(new LinkedHashSet<>(referents), types);
        return found.isEmpty() ? null : ids(found, types.isEmpty() ? 0 : 1);
    }

    /** "bedroom lamp", "客厅的灯": a room name followed by a device name in that room. */
    private Set<String> roomQualified(List<String> tokens, int from, int to) {
        for (int split = from + 1; split < to; split++) {
            Set<String> rooms = lexicon.rooms(Text.key(tokens, from, split));
            if (rooms.isEmpty()) {
                continue;
            }
            int rest = split;
            if (rest < to - 1 && tokens.get(rest).equals("的")) {
                rest++;
            }
            Set<String> named = lexicon.devices(Text.key(tokens, rest, to));
            Set<String> inRoom = new LinkedHashSet<>(lexicon.inRooms(named, rooms));
            if (!inRoom.isEmpty()) {
                return inRoom;
            }
        }
        return Set.of();
    }

    private Set<String> filter(Set<String> ids, Set<DeviceType> types) {
        if (types.isEmpty() || ids.isEmpty()) {
            return ids;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            Device d = lexicon.device(id);
            if (d != null && types.contains(d.type())) {
                out.add(id);
            }
        }
        return out;
    }

    private static Set<DeviceType> types(String type) {
        int colon = type.indexOf(':');
        if (colon < 0) {
            return Set.of();
        }
        Set<DeviceType> set = EnumSet.noneOf(DeviceType.class);
        for (String t : type.substring(colon + 1).split(",")) {
            set.add(DeviceType.valueOf(t.trim().toUpperCase(Locale.ROOT)));
        }
        return set;
    }

    private static java.util.Map<String, DeviceType> kindWords() {
        java.util.Map<String, DeviceType> m = new java.util.HashMap<>();
        Object[][] words = {{DeviceType.LIGHT, "light", "lamp", "lighting", "灯", "灯光", "电灯"},
                {DeviceType.FAN, "fan", "风扇", "电风扇"}, {DeviceType.TV, "tv", "telly", "television", "电视", "电视机"},
                {DeviceType.SPEAKER, "speaker", "音箱", "音响", "radio", "stereo", "收音机"},
                {DeviceType.THERMOSTAT, "thermostat", "heating", "温控器", "暖气"},
                {DeviceType.AIR_CONDITIONER, "ac", "aircon", "air con", "air conditioner", "air conditioning", "空调"},
                {DeviceType.BLINDS, "blind", "shade", "百叶窗"}, {DeviceType.CURTAINS, "curtain", "drape", "窗帘"},
                {DeviceType.LOCK, "lock", "door", "front door", "back door", "门锁", "门", "大门", "前门", "后门"},
                {DeviceType.GARAGE_DOOR, "garage door", "garage", "车库门"},
                {DeviceType.HEATER, "heater", "radiator", "取暖器", "电暖器"}, {DeviceType.VACUUM, "vacuum", "hoover", "扫地机", "扫地机器人"},
                {DeviceType.COFFEE_MAKER, "coffee machine", "coffee maker", "咖啡机"},
                {DeviceType.PLUG, "plug", "socket", "outlet", "插座", "插头"}};
        for (Object[] row : words) {
            for (int i = 1; i < row.length; i++) {
                m.put(Text.key((String) row[i]), (DeviceType) row[0]);
            }
        }
        return java.util.Map.copyOf(m);
    }
}
