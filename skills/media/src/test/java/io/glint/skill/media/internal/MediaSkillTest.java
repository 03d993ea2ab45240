package io.glint.skill.media.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpec;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/** The skill as a wearer meets it: its definition understood by the hub's NLU next to lights and climate. */
class MediaSkillTest {
    private MemoryHome home;
    private MediaSkill skill;
    private Nlu nlu;
    private SkillSpec spec;

    @BeforeEach
    void setUp() {
        home = new MemoryHome()
                .room("living_room", "living room", "客厅").room("bedroom", "bedroom", "卧室")
                .room("kitchen", "kitchen", "厨房").room("hallway", "hallway", "走廊")
                .device("living_room.tv", DeviceType.TV, "TV", "living_room", List.of("television", "电视"),
                        EnumSet.of(Capability.ON_OFF, Capability.MEDIA),
                        Map.of(Attributes.ON, false, Attributes.PLAYING, "", Attributes.VOLUME, 20))
                .device("living_room.speaker", DeviceType.SPEAKER, "speaker", "living_room",
                        List.of("smart speaker", "音箱"), EnumSet.of(Capability.MEDIA),
                        Map.of(Attributes.PLAYING, "", Attributes.VOLUME, 30))
                .device("kitchen.speaker", DeviceType.SPEAKER, "kitchen speaker", "kitchen", List.of("厨房音箱"),
                        EnumSet.of(Capability.MEDIA), Map.of(Attributes.PLAYING, "", Attributes.VOLUME, 40))
                .device("bedroom.tv", DeviceType.TV, "bedroom TV", "bedroom", List.of("卧室电视"),
                        EnumSet.of(Capability.ON_OFF), Map.of(Attributes.ON, false))
                .device("hallway.thermostat", DeviceType.THERMOSTAT, "thermostat", "hallway",
                        List.of("heating", "恒温器"), EnumSet.of(Capability.THERMOSTAT),
                        Map.of(Attributes.TARGET_TEMPERATURE, 21))
                .light("kitchen.light", "kitchen light", "kitchen", List.of("厨房灯"), Capability.BRIGHTNESS);
        skill = new MediaSkill(home);
        SkillTester tester = new SkillTester(home, "glint/lights.json", "glint/climate.json", "glint/media.json");
        nlu = tester.nlu();
        spec = tester.spec("glint/media.json");
        home.grants(spec.grants());
    }

    private SkillResult say(String text) throws Exception {
        return say(text, null);
    }

    private SkillResult say(String text, String room) throws Exception {
        return say(text, room, List.of());
    }

    /** As the hub says it: with the devices the wearer last talked about, which "it" stands for. */
    private SkillResult say(String text, String room, List<String> lastDevices) throws Exception {
        Optional<Intent> intent = nlu.parse(new Utterance(text, null, "test-glasses", room), lastDevices);
        assertTrue(intent.isPresent(), "not understood: " + text);
        assertTrue(intent.get().name().startsWith("media."), text + " → " + intent.get());
        return skill.handle(intent.get());
    }

    private Object state(String id, String attribute) {
        return home.state(id, attribute);
    }

    // ---- play ------------------------------------------------------------------------------------------

    @Test
    void play_some_jazz_on_the_speaker() throws Exception {
        SkillResult r = say("play some jazz on the speaker");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals("jazz", state("living_room.speaker", Attributes.PLAYING));
        assertEquals("Playing some jazz on the speaker.", r.speech());
        assertEquals(List.of("Some jazz", "Speaker"), r.card().orElseThrow().lines());
    }

    @Test
    void the_speaker_in_the_wearers_room_plays() throws Exception {
        SkillResult r = say("play the news", "kitchen");
        assertEquals("the news", state("kitchen.speaker", Attributes.PLAYING));
        assertEquals("", state("living_room.speaker", Attributes.PLAYING));
        assertEquals("Playing the news on the kitchen speaker.", r.speech());
    }

    @Test
    void without_a_speaker_in_the_room_the_first_speaker_in_the_home_plays() throws Exception {
        SkillResult r = say("put on a podcast", "bedroom");
        assertEquals("podcast", state("living_room.speaker", Attributes.PLAYING));
        assertEquals("Playing a podcast on the speaker.", r.speech());
    }

    @Test
    void chinese_play_music_on_the_speaker() throws Exception {
        SkillResult r = say("在音箱上放点音乐");
        assertEquals("音乐", state("living_room.speaker", Attributes.PLAYING));
        assertEquals("正在音箱上播放音乐。", r.speech());
    }

    @Test
    void chinese_play_an_artist() throws Exception {
        SkillResult r = say("播放周杰伦的歌", "kitchen");
        assertEquals("周杰伦的歌", state("kitchen.speaker", Attributes.PLAYING));
        assertEquals("正在厨房音箱上播放周杰伦的歌。", r.speech());
    }

    @Test
    void nothing_named_plays_some_music() throws Exception {
        SkillResult r = say("start the music");
        assertEquals("music", state("living_room.speaker", Attributes.PLAYING));
        assertEquals("Playing some music on the speaker.", r.speech());
        SkillResult zh = say("放音乐", "kitchen");
        assertEquals("音乐", state("kitchen.speaker", Attributes.PLAYING));
        assertEquals("正在厨房音箱上播放音乐。", zh.speech());
    }

    @Test
    void a_tv_that_is_off_is_switched_on_before_it_plays() throws Exception {
        SkillResult r = say("play the news on the TV");
        assertEquals(Status.DONE, r.status(), r.toString());
        assertEquals(List.of("living_room.tv:on=true", "living_room.tv:playing=the news"), home.sent());
        assertEquals("Turned on the TV and started playing the news.", r.speech());
        home.set("living_room.tv", Attributes.ON, false);
        assertEquals("已打开电视，正在播放新闻。", say("在电视上播放新闻").speech());
    }

    @Test
    void a_tv_plays_when_there_is_no_speaker() throws Exception {
        home.remove("living_room.speaker");
        home.remove("kitchen.speaker");
        say("play some music", "kitchen");
        assertEquals(true, state("living_room.tv", Attributes.ON));
        assertEquals("music", state("living_room.tv", Attributes.PLAYING));
    }

    @Test
    void play_in_a_named_room() throws Exception {
        say("play jazz in the kitchen");
        assertEquals("jazz", state("kitchen.speaker", Attributes.PLAYING));
        say("在客厅放点轻音乐");
        assertEquals("轻音乐", state("living_room.speaker", Attributes.PLAYING));
    }

    @Test
    void a_room_without_a_player_says_so() throws Exception {
        SkillResult r = say("play jazz in the hallway");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("There's no speaker or TV in the hallway.", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_tv_without_media_is_not_supported() throws Exception {
        SkillResult r = say("play the news on the bedroom TV");
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The bedroom TV can't play sound.", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    // ---- volume ----------------------------------------------------------------------------------------

    @Test
    void set_the_volume_of_what_is_playing() throws Exception {
        home.set("kitchen.speaker", Attributes.PLAYING, "jazz");
        SkillResult r = say("set the volume to 30", "living_room");
        assertEquals(30, state("kitchen.speaker", Attributes.VOLUME));
        assertEquals("Set the kitchen speaker volume to 30 %.", r.speech());
        assertEquals(List.of("Kitchen speaker: 30 %"), r.card().orElseThrow().lines());
    }

    @Test
    void chinese_volume_in_chinese_numerals() throws Exception {
        SkillResult r = say("音量调到百分之二十");
        assertEquals(20, state("living_room.speaker", Attributes.VOLUME));
        assertEquals("已把音箱音量调到20%。", r.speech());
        say("把电视的音量调到三十五");
        assertEquals(35, state("living_room.tv", Attributes.VOLUME));
    }

    @Test
    void louder_raises_the_playing_tv_by_ten_points() throws Exception {
        home.set("living_room.tv", Attributes.ON, true).set("living_room.tv", Attributes.PLAYING, "the news");
        SkillResult r = say("louder", "living_room");
        assertEquals(30, state("living_room.tv", Attributes.VOLUME));
        assertEquals(30, state("living_room.speaker", Attributes.VOLUME));
        assertEquals("Turned the TV up to 30 %.", r.speech());
        say("turn it up a little", null, List.of("living_room.tv"));
        assertEquals(40, state("living_room.tv", Attributes.VOLUME));
        say("把它调小一点", null, List.of("living_room.speaker"));
        assertEquals(20, state("living_room.speaker", Attributes.VOLUME));
    }

    @Test
    void chinese_louder_and_quieter() throws Exception {
        home.set("living_room.speaker", Attributes.PLAYING, "jazz");
        assertEquals("已把音箱音量调高到40%。", say("大声一点").speech());
        say("小声点");
        say("声音调低一点");
        assertEquals(20, state("living_room.speaker", Attributes.VOLUME));
    }

    @Test
    void mute_means_volume_zero() throws Exception {
        SkillResult r = say("mute the TV");
        assertEquals(0, state("living_room.tv", Attributes.VOLUME));
        assertEquals("Muted the TV.", r.speech());
        home.set("living_room.speaker", Attributes.PLAYING, "jazz");
        SkillResult zh = say("静音");
        assertEquals(0, state("living_room.speaker", Attributes.VOLUME));
        assertEquals("音箱已静音。", zh.speech());
    }

    @Test
    void a_generic_word_for_a_tv_finds_the_tv() throws Exception {
        say("mute the telly");
        assertEquals(0, state("living_room.tv", Attributes.VOLUME));
    }

    @Test
    void chinese_tv_quieter_goes_to_the_tv_even_while_the_speaker_plays() throws Exception {
        home.set("living_room.speaker", Attributes.PLAYING, "jazz");
        SkillResult r = say("电视小声一点");
        assertEquals(10, state("living_room.tv", Attributes.VOLUME));
        assertEquals(30, state("living_room.speaker", Attributes.VOLUME));
        assertEquals("已把电视音量调低到10%。", r.speech());
    }

    @Test
    void louder_stops_at_full_volume() throws Exception {
        home.set("living_room.speaker", Attributes.VOLUME, 95);
        say("turn up the speaker");
        assertEquals(100, state("living_room.speaker", Attributes.VOLUME));
        home.clearSent();
        SkillResult r = say("turn up the speaker");
        assertEquals(Status.DONE, r.status());
        assertEquals("The speaker is already at full volume.", r.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void quieter_stops_at_silence() throws Exception {
        home.set("kitchen.speaker", Attributes.VOLUME, 5);
        say("turn the kitchen speaker down");
        assertEquals(0, state("kitchen.speaker", Attributes.VOLUME));
    }

    // ---- failures --------------------------------------------------------------------------------------

    @Test
    void an_unknown_player_is_no_device_not_a_guess() throws Exception {
        SkillResult r = say("mute the garden speaker");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("I couldn't find a speaker or TV called \"garden speaker\".", r.speech());
        SkillResult zh = say("把阳台音箱静音");
        assertEquals(FailureCode.NO_DEVICE, zh.code());
        assertEquals("我找不到叫“阳台音箱”的音箱或电视。", zh.speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_player_that_does_not_answer_fails_with_its_reason() throws Exception {
        home.deaf("living_room.speaker");
        SkillResult r = say("play some jazz on the speaker");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("The speaker did not answer within 2 s.", r.speech());
    }

    @Test
    void a_tv_that_switches_on_but_does_not_play_is_partial() throws Exception {
        home.deaf("living_room.tv", Attributes.PLAYING);
        SkillResult r = say("play the news on the TV");
        assertEquals(FailureCode.PARTIAL, r.code());
        assertEquals(true, state("living_room.tv", Attributes.ON));
        assertEquals("Turned on the TV, but it did not start playing: The TV did not answer within 2 s.", r.speech());
    }

    @Test
    void a_device_that_plays_nothing_is_not_supported() throws Exception {
        // what the hub sends for "turn it up a little" when "it" was the thermostat
        Intent intent = Intent.builder("media.volume").lang("en").text("turn it up a little")
                .slot(Slot.of("device", "device", "it", "hallway.thermostat"))
                .slot(Slot.of("change", "text", "up", "up")).build();
        SkillResult r = skill.handle(intent);
        assertEquals(FailureCode.NOT_SUPPORTED, r.code());
        assertEquals("The thermostat can't play sound.", r.speech());
        assertEquals(21, state("hallway.thermostat", Attributes.TARGET_TEMPERATURE));
    }

    @Test
    void several_speakers_are_asked_about_unless_one_is_playing() throws Exception {
        Slot both = new Slot("device", "device", "speaker", null, List.of("living_room.speaker", "kitchen.speaker"));
        Intent play = Intent.builder("media.play").lang("en").text("play jazz on the speaker").slot(both)
                .slot(Slot.of("what", "text", "jazz", "jazz")).build();
        SkillResult r = skill.handle(play);
        assertEquals(FailureCode.AMBIGUOUS_DEVICE, r.code());
        assertEquals("Which one: the speaker in the living room or the kitchen speaker?", r.speech());
        home.set("kitchen.speaker", Attributes.PLAYING, "jazz");
        Intent louder = Intent.builder("media.volume").lang("en").text("turn up the speaker").slot(both)
                .slot(Slot.of("change", "text", "up", "up")).build();
        assertEquals(Status.DONE, skill.handle(louder).status());
        assertEquals(50, state("kitchen.speaker", Attributes.VOLUME));
    }

    @Test
    void commands_stay_within_the_grants() throws Exception {
        assertEquals(EnumSet.of(Capability.MEDIA, Capability.ON_OFF), spec.grants());
        say("play the news on the TV");
        say("louder");
        say("静音");
        assertFalse(home.commands().isEmpty());
        for (Command c : home.commands()) {
            assertTrue(spec.grants().contains(c.capability()), c.toString());
        }
    }
}
