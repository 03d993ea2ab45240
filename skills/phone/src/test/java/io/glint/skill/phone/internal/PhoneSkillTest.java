package io.glint.skill.phone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.testing.MemoryHome;
import io.glint.testing.SkillTester;

/** From the wearer's words, through the hub's NLU, to what the phone was told, in English and Chinese. */
class PhoneSkillTest {
    static final String PHONE = "phone:annas-pixel";
    static final String MUM = "+447700900001";
    static final String SARAH = "+447700900003";
    static final String TOM = "+447700900004";
    static final String WANG = "+8613800138000";
    static final List<Map<String, Object>> CONTACTS = List.of(
            contact("Mum", MUM, "Mom", "Mother", "妈妈", "老妈"),
            contact("Dad", "+447700900002", "Father", "爸爸", "老爸"),
            contact("Sarah Miller", SARAH),
            contact("Tom Baker", TOM, "Tommy"),
            contact("Alex Chen", "+447700900005"),
            contact("Alex Morgan", "+447700900006"),
            contact("王建国", WANG, "老王", "Wang Jianguo"),
            contact("李娜", "+8613900139000", "Li Na", "娜娜"));

    MemoryHome home;
    SkillTester tester;
    PhoneSkill skill;

    static Map<String, Object> contact(String name, String number, String... aliases) {
        return Map.of("name", name, "number", number, "aliases", List.of(aliases));
    }

    static Device phone(Map<String, Object> state) {
        return Device.builder(PHONE).name("Anna's phone").type(DeviceType.PHONE).capability(Capability.PHONE)
                .state(state).availability(Availability.ONLINE, null).driver("phone").build();
    }

    @BeforeEach
    void home() {
        home = new MemoryHome().device(phone(Map.of(Attributes.CONTACTS, CONTACTS, Attributes.BATTERY, 64,
                Attributes.RINGING, false, "in_call", false)));
        tester = new SkillTester(home, "glint/phone.json");
        home.grants(tester.spec("glint/phone.json").grants());
        skill = new PhoneSkill(home);
    }

    SkillResult say(String text) throws Exception {
        return tester.say(skill, text);
    }

    Command last() {
        List<Command> all = home.commands();
        return all.get(all.size() - 1);
    }

    @Test
    void calling_mum_by_her_name_or_an_alias_in_english_and_chinese() throws Exception {
        SkillResult r = say("call mum");
        assertEquals("Calling Mum.", r.speech());
        assertEquals(Status.DONE, r.status());
        assertEquals(Command.call(MUM), last());
        assertEquals(MUM, home.state(PHONE, Attributes.CALL));

        assertEquals("正在给妈妈打电话。", say("给妈妈打电话").speech());
        assertEquals(Command.call(MUM), last());
        // "给我" is a filler to the hub: what is left is "妈打个电话"
        assertEquals("正在给妈妈打电话。", say("给我妈打个电话").speech());
        assertEquals("Calling Mum.", say("please phone my mother").speech());
        assertEquals(List.of(PHONE + ":" + Command.call(MUM), PHONE + ":" + Command.call(MUM),
                PHONE + ":" + Command.call(MUM), PHONE + ":" + Command.call(MUM)), home.sent());
    }

    @Test
    void a_first_name_a_possessive_and_a_chinese_nickname_find_the_contact() throws Exception {
        assertEquals("Calling Sarah Miller.", say("ring Sarah's mobile").speech());
        assertEquals(Command.call(SARAH), last());
        assertEquals("Calling Tom Baker.", say("give Tommy a ring").speech());
        assertEquals(Command.call(TOM), last());
        assertEquals("正在给王建国打电话。", say("给老王打个电话").speech());
        assertEquals(Command.call(WANG), last());
        assertEquals("Calling Wang Jianguo.", say("call Wang Jianguo").speech());
        assertEquals("正在给王建国打电话。", say("打电话给建国").speech());
    }

    @Test
    void a_number_said_as_digits_is_called_as_it_is() throws Exception {
        assertEquals("Calling 07700900123.", say("dial 07700 900123").speech());
        assertEquals(Command.call("07700900123"), last());
    }

    @Test
    void someone_not_in_the_contacts_gets_a_clear_answer_and_nothing_is_sent() throws Exception {
        SkillResult r = say("call Priya");
        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("There's no Priya in your contacts.", r.speech());
        assertEquals("通讯录里没有小张。", say("给小张打电话").speech());
        assertEquals("There's no Jamie in your contacts.", say("text Jamie that the parcel arrived").speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_name_two_contacts_share_is_asked_about() throws Exception {
        SkillResult r = say("call Alex");
        assertEquals(FailureCode.INVALID_VALUE, r.code());
        assertEquals("Which Alex: Alex Chen or Alex Morgan?", r.speech());
        assertEquals("哪一位Alex：Alex Chen还是Alex Morgan？", say("给Alex打电话").speech());
        assertTrue(home.sent().isEmpty());
        assertEquals("Calling Alex Morgan.", say("call Alex Morgan").speech());
    }

    @Test
    void a_message_goes_out_as_it_was_said() throws Exception {
        SkillResult r = say("text Tom that I'm on my way");
        assertEquals("Sent to Tom Baker: I'm on my way", r.speech());
        assertEquals(Command.message(TOM, "I'm on my way"), last());

        assertEquals("已发给王建国：我晚点到", say("给老王发消息说我晚点到").speech());
        assertEquals(Command.message(WANG, "我晚点到"), last());

        say("send a message to Sarah saying Dinner's at 7:30, don't be late!");
        assertEquals(Command.message(SARAH, "Dinner's at 7:30, don't be late!"), last());

        say("跟娜娜说一声我到楼下了，快下来");
        assertEquals(Command.message("+8613900139000", "我到楼下了，快下来"), last());

        say("let Dad know the train is delayed");
        assertEquals(Command.message("+447700900002", "the train is delayed"), last());
    }

    @Test
    void a_message_understood_by_meaning_takes_what_follows_the_name() throws Exception {
        // as the model hands it over: the intent and the sentence, no slots
        SkillResult r = skill.handle(Intent.builder("phone.message_send").lang("en")
                .text("could you tell Sarah I'll bring the cake").build());
        assertEquals(Status.DONE, r.status(), r.speech());
        assertEquals(Command.message(SARAH, "I'll bring the cake"), last());
        skill.handle(Intent.builder("phone.message_send").lang("zh").text("麻烦跟老王说我们改到明天").build());
        assertEquals(Command.message(WANG, "我们改到明天"), last());
        SkillResult bare = skill.handle(Intent.builder("phone.message_send").lang("en").text("message Tom").build());
        assertEquals(FailureCode.INVALID_VALUE, bare.code());
    }

    @Test
    void a_contact_of_two_words_is_told_from_the_message_that_follows() throws Exception {
        say("text Tom Baker I'll be there at 7:30");
        assertEquals(Command.message(TOM, "I'll be there at 7:30"), last());
        say("告诉老王我马上到");
        assertEquals(Command.message(WANG, "我马上到"), last());
    }

    @Test
    void a_message_without_words_is_asked_for() {
        Intent intent = Intent.builder("phone.message_send").lang("en").text("text mum")
                .slot("contact", "text", "mum").build();
        assertEquals("What should the message to Mum say?", skill.handle(intent).speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_sentence_understood_by_its_meaning_still_finds_the_contact_in_it() {
        Intent intent = Intent.builder("phone.call").lang("en").text("I'd like a word with dad on the phone")
                .confidence(0.7).build();
        assertEquals("Calling Dad.", skill.handle(intent).speech());
        Intent nobody = Intent.builder("phone.call").lang("zh").text("帮我打个电话").confidence(0.7).build();
        assertEquals("要给谁打电话？", skill.handle(nobody).speech());
    }

    @Test
    void finding_the_phone_rings_it() throws Exception {
        assertEquals("Ringing your phone now.", say("where is my phone").speech());
        assertEquals(Command.ring(), last());
        assertEquals(true, home.state(PHONE, Attributes.RINGING));
        assertEquals("正在让你的手机响铃。", say("我手机找不到了").speech());
        assertEquals("Ringing your phone now.", say("I can't find my phone").speech());
        assertEquals("正在让你的手机响铃。", say("我的手机在哪里").speech());
        assertEquals(4, home.sent().size());
    }

    @Test
    void no_phone_connected_is_said_clearly() throws Exception {
        home.remove(PHONE);
        SkillResult r = say("call mum");
        assertEquals(FailureCode.NO_DEVICE, r.code());
        assertEquals("No phone is connected. Open the Glint app on your phone to connect it.", r.speech());
        assertEquals("还没有连接手机。请在手机上打开Glint应用。", say("我手机找不到了").speech());
    }

    @Test
    void an_offline_phone_is_said_clearly_with_its_reason() throws Exception {
        home.offline(PHONE, "the Glint app on it went offline");
        SkillResult r = say("where did I leave my phone");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("Your phone isn't connected: the Glint app on it went offline. Check that the Glint app is"
                + " running on it.", r.speech());
        assertEquals("你的手机没有连接。请确认手机上的Glint应用正在运行。", say("给妈妈打电话").speech());
        assertTrue(home.sent().isEmpty());
    }

    @Test
    void a_phone_that_does_not_answer_is_said_clearly() throws Exception {
        home.deaf(PHONE);
        SkillResult r = say("call mum");
        assertEquals(FailureCode.DEVICE_UNREACHABLE, r.code());
        assertEquals("Anna's phone did not answer within 2 s.", r.speech());
        assertEquals("手机没有响应，请确认手机上的Glint应用正在运行。", say("给老王发消息说我晚点到").speech());
    }

    @Test
    void a_phone_that_shared_no_contacts_is_said_clearly() throws Exception {
        home.set(PHONE, Attributes.CONTACTS, null);
        assertEquals("Your phone hasn't shared its contacts. Allow contacts in the Glint app on the phone.",
                say("call mum").speech());
        // finding the phone needs no contacts
        assertEquals("Ringing your phone now.", say("ring my phone").speech());
    }

    @Test
    void two_online_phones_are_asked_about() throws Exception {
        home.device(Device.builder("phone:work").name("work phone").type(DeviceType.PHONE)
                .capability(Capability.PHONE).availability(Availability.ONLINE, null).driver("phone").build());
        assertEquals("Which phone: Anna's phone or work phone?", say("where is my phone").speech());
        home.offline("phone:work", null);
        assertEquals("Ringing your phone now.", say("where is my phone").speech());
        assertEquals(List.of(PHONE + ":" + Command.ring()), home.sent());
    }

    @Test
    void no_example_is_taken_for_another_intent() {
        var spec = tester.spec("glint/phone.json");
        int checked = 0;
        List<String> missed = new java.util.ArrayList<>();
        for (var intent : spec.intents()) {
            for (var lang : intent.languages().values()) {
                assertTrue(lang.examples().size() >= 10, intent.name() + " needs 10 examples per language");
                for (String example : lang.examples()) {
                    String got = tester.parse(example).map(Intent::name).orElse(null);
                    if (got == null) {
                        missed.add(example);
                    } else {
                        assertEquals(intent.name(), got, example);
                    }
                    checked++;
                }
            }
        }
        assertEquals(Set.of("phone.call", "phone.message_send", "phone.find"),
                Set.copyOf(spec.intents().stream().map(i -> i.name()).toList()));
        assertTrue(checked >= 60);
        // without the on-device sentence model examples are matched by templates only; a template match is exact
        assertTrue(missed.size() < checked, "some examples match templates too");
    }
}
