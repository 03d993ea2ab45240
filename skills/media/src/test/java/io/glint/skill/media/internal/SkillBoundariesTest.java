package io.glint.skill.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/**
 * Lights, climate and media installed together in the demo home, with the hub's own dialog intents: each
 * sentence lands on the skill it is meant for, whichever arrived first (the hub breaks exact ties by arrival
 * order, so a sentence that only works in one order is a bug in the templates).
 */
class SkillBoundariesTest {
    /** Sentence → the intent it must be understood as. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        // lights
        expect("light.turn_on", "turn on the kitchen light", "turn on the lights in the bedroom", "打开客厅的灯");
        expect("light.turn_off", "turn off all the lights", "把卧室的灯关掉");
        expect("light.set_brightness", "dim the living room lights", "set the kitchen light to 40 percent",
                "make the lights brighter", "把卧室的灯调到百分之四十", "把书房的灯调暗一点");
        expect("light.set_color", "make the living room lights blue", "把卧室的灯调成暖光");
        // climate
        expect("climate.set_temperature", "turn up the heating", "turn the heating up", "turn down the AC",
                "make it warmer", "cooler in the living room", "set the bedroom to 22 degrees",
                "set the thermostat to 72 fahrenheit", "raise the temperature", "it's too cold in here", "I'm cold",
                "把空调调到二十四度", "调高一点", "温度低一点", "暖气开大一点", "客厅太热了", "把卧室的温度调到二十二度");
        // media
        expect("media.play", "play some jazz on the speaker", "play the news", "put on a podcast",
                "play some music in the kitchen", "put on the radio", "start the music", "music on",
                "在音箱上放点音乐", "播放周杰伦的歌", "在电视上播放新闻", "我想听点爵士乐");
        expect("media.volume", "set the volume to 30", "turn the volume up a bit", "make it louder", "mute it",
                "turn up the TV", "turn the music down", "turn up the music", "louder", "a bit quieter",
                "mute the TV", "mute", "set the TV to 30", "大声一点", "声音太大了", "把电视声音关掉", "小声点",
                "声音调低一点", "音量调到百分之二十", "把电视静音", "静音", "电视小声一点", "音箱大声点");
    }

    /** Sentences none of the three may take: they belong to the appliances skill, or to nobody. */
    private static final List<String> NOT_OURS = List.of("turn on the TV", "turn off the TV", "switch the TV on",
            "turn on the air conditioner", "turn off the AC", "打开电视", "关掉电视", "打开空调", "关闭空调",
            "how warm is the bedroom", "温度高吗", "turn on the radio", "put on the TV", "turn the fan up",
            "把台灯调低一点", "把风扇调高一点", "把台灯静音");

    private static void expect(String intent, String... sentences) {
        for (String s : sentences) {
            EXPECTED.put(s, intent);
        }
    }

    /** "it" in a sentence, the device the wearer last talked about → the intent it must go to. */
    private static final List<String[]> FOLLOW_UPS = List.of(
            new String[] {"turn it up a little", "living_room.tv", "media.volume"},
            new String[] {"turn it down", "living_room.speaker", "media.volume"},
            new String[] {"turn it up a little", "hallway.thermostat", "climate.set_temperature"},
            new String[] {"turn it down a bit", "living_room.air_conditioner", "climate.set_temperature"},
            new String[] {"把它调小一点", "living_room.tv", "media.volume"},
            new String[] {"把它调低一点", "living_room.air_conditioner", "climate.set_temperature"},
            new String[] {"把它调到二十二度", "hallway.thermostat", "climate.set_temperature"});

    private static Nlu nlu(List<String> order) throws Exception {
        MemoryHome home;
        try (InputStream in = SkillBoundariesTest.class.getResourceAsStream("/glint/default-home.json")) {
            home = MemoryHome.read(in);
        }
        // "dialog" is the hub's own: yes / no / "the bedroom one" / "and the hallway too"
        return new SkillTester(home, order.stream().map(skill -> "glint/" + skill + ".json").toArray(String[]::new))
                .nlu();
    }

    private static String understood(Nlu nlu, String text) {
        return nlu.parse(Utterance.of(text)).map(Intent::name).orElse("none");
    }

    @ParameterizedTest(name = "arrival order {0}")
    @ValueSource(strings = {"dialog,lights,climate,media", "media,climate,lights,dialog",
        "climate,dialog,media,lights"})
    void each_sentence_lands_on_its_own_skill(String order) throws Exception {
        Nlu nlu = nlu(List.of(order.split(",")));
        List<String> wrong = new ArrayList<>();
        EXPECTED.forEach((text, intent) -> {
            String got = understood(nlu, text);
            if (!got.equals(intent)) {
                wrong.add("\"" + text + "\" → " + got + " (expected " + intent + ")");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "arrival order {0}")
    @ValueSource(strings = {"dialog,lights,climate,media", "media,climate,lights,dialog"})
    void switching_a_tv_or_an_air_conditioner_is_not_media_or_climate(String order) throws Exception {
        Nlu nlu = nlu(List.of(order.split(",")));
        Set<String> ours = Set.of("media.play", "media.volume", "climate.set_temperature");
        List<String> taken = new ArrayList<>();
        for (String text : NOT_OURS) {
            String got = understood(nlu, text);
            if (ours.contains(got)) {
                taken.add("\"" + text + "\" → " + got);
            }
        }
        assertEquals(List.of(), taken);
    }

    @ParameterizedTest(name = "arrival order {0}")
    @ValueSource(strings = {"dialog,lights,climate,media", "media,climate,lights,dialog"})
    void it_goes_to_the_skill_of_the_device_last_talked_about(String order) throws Exception {
        Nlu nlu = nlu(List.of(order.split(",")));
        List<String> wrong = new ArrayList<>();
        for (String[] f : FOLLOW_UPS) {
            Optional<Intent> got = nlu.parse(Utterance.of(f[0]), List.of(f[1]));
            String device = got.flatMap(i -> i.slot("device")).map(Slot::value).orElse(null);
            if (!got.map(Intent::name).orElse("none").equals(f[2]) || !f[1].equals(device)) {
                wrong.add("\"" + f[0] + "\" about " + f[1] + " → " + got.map(Intent::toString).orElse("none"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest(name = "arrival order {0}")
    @ValueSource(strings = {"dialog,lights,climate,media", "media,climate,lights,dialog"})
    void it_with_nothing_to_refer_to_is_left_for_the_hub_to_ask(String order) throws Exception {
        Nlu nlu = nlu(List.of(order.split(",")));
        Intent i = nlu.parse(Utterance.of("turn it up a little"), List.of()).orElseThrow();
        assertEquals(Nlu.UNRESOLVED_REFERENCE, i.slot("device").map(Slot::value).orElse(null), i.toString());
    }
}
