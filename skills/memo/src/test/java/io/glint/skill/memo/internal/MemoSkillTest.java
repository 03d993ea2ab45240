package io.glint.skill.memo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Status;
import io.glint.api.voice.Utterance;
import io.glint.nlu.SkillSpecs;
import io.glint.nlu.internal.EmbeddingMatcher;
import io.glint.nlu.internal.NluService;
import io.glint.testing.MemoryHome;

/**
 * The skill as a wearer meets it: sentences understood by the hub's NLU (templates, then the on-device model with
 * the hub's thresholds), answered from a real H2 database, notes found with the real encoders.
 */
class MemoSkillTest {
    /** Tuesday 3 March 2026, 10:00 UTC. */
    static final Instant TUESDAY = Instant.parse("2026-03-03T10:00:00Z");
    static final ZoneId ZONE = ZoneOffset.UTC;
    private static NluService nlu;

    @TempDir
    Path dir;
    private MemoStore store;
    private MemoSkill skill;
    private MutableClock clock;

    static final class MutableClock extends Clock {
        Instant now = TUESDAY;

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void understanding() throws Exception {
        EmbeddingMatcher embeddings = new EmbeddingMatcher(Map.of("en", new EmbeddingMatcher.Thresholds(0.74, 0, 0.05),
                "zh", new EmbeddingMatcher.Thresholds(0.695, 0, 0.09)), true);
        nlu = new NluService(new MemoryHome(), embeddings);
        try (InputStream in = MemoSkillTest.class.getResourceAsStream("/glint/memo.json")) {
            nlu.register("memo", SkillSpecs.read(in, "glint/memo.json"));
        }
        RealEncoders.all().values().forEach(embeddings::addEncoder);
    }

    @BeforeEach
    void open() throws Exception {
        store = MemoStore.open(dir);
        clock = new MutableClock();
        skill = new MemoSkill(store, clock, ZONE);
        RealEncoders.all().values().forEach(skill::bindEncoder);
    }

    @AfterEach
    void close() {
        skill.close();
    }

    private Intent understood(String text, String name) {
        Optional<Intent> intent = nlu.parse(new Utterance(text, null, "anna", null), List.of());
        assertTrue(intent.isPresent(), "not understood: " + text);
        assertEquals(name, intent.get().name(), text + " → " + intent.get());
        return intent.get();
    }

    private SkillResult say(String text, String name) throws Exception {
        return skill.handle(understood(text, name));
    }

    @Test
    void where_did_i_park_finds_the_note_by_meaning_and_says_when() throws Exception {
        SkillResult saved = say("remember I parked on level 3, bay 42", "memo.create");
        assertEquals(Status.DONE, saved.status(), saved.speech());
        assertEquals("Got it: you parked on level 3, bay 42.", saved.speech());
        say("remember the wifi password is swordfish", "memo.create");
        clock.now = TUESDAY.plusSeconds(86_400 * 2); // Thursday
        SkillResult found = say("where did I park?", "memo.query");
        assertEquals(Status.QUERY_ANSWER, found.status());
        assertEquals("You said: you parked on level 3, bay 42 — on Tuesday.", found.speech());
        SkillResult wifi = skill.handle(Intent.builder("memo.query").lang("en").wearer("anna")
                .text("what's the internet login again").build());
        assertTrue(wifi.speech().contains("swordfish"), wifi.speech());
        SkillResult none = say("what did I say about my sister's birthday", "memo.query");
        assertEquals("I don't have anything about that in your memos.", none.speech());
    }

    @Test
    void chinese_notes_are_found_by_meaning_too() throws Exception {
        assertEquals("记住了：车停在B2层42号位。", say("记住车停在B2层42号位", "memo.create").speech());
        say("记一下水管工周四来", "memo.create");
        SkillResult found = say("我的车停在哪了", "memo.query");
        assertEquals("你今天说过：车停在B2层42号位。", found.speech());
        assertEquals("你的备忘里没有这方面的内容。", skill.handle(Intent.builder("memo.query").lang("zh")
                .wearer("anna").text("我妹妹生日是哪天").build()).speech());
    }

    @Test
    void a_note_and_a_query_that_share_no_key_word_meet_by_meaning() throws Exception {
        Recall recall = new Recall(store, RealEncoders.all());
        recall.index(store.addNote("anna", "the dentist appointment moved to the 14th", "en", TUESDAY));
        recall.index(store.addNote("anna", "mum's flight lands at 6 pm on Friday", "en", TUESDAY));
        List<Recall.Hit> hits = recall.find("anna", "when do I see the tooth doctor", "en");
        assertFalse(hits.isEmpty(), "nothing found");
        assertEquals("the dentist appointment moved to the 14th", hits.get(0).note().text());
        assertEquals(0.0, hits.get(0).overlap(), "no word in common");
        assertEquals("mum's flight lands at 6 pm on Friday",
                recall.find("anna", "when does my mother arrive", "en").get(0).note().text());
        assertTrue(recall.find("anna", "who won the football last night", "en").isEmpty());
        recall.index(store.addNote("anna", "女儿的钢琴课改到周六下午", "zh", TUESDAY));
        List<Recall.Hit> zh = recall.find("anna", "孩子学琴是哪天", "zh");
        assertFalse(zh.isEmpty(), "nothing found in Chinese");
        assertEquals("女儿的钢琴课改到周六下午", zh.get(0).note().text());
        assertTrue(recall.find("anna", "明天股市会涨吗", "zh").isEmpty());
    }

    @Test
    void lists_are_created_filled_read_checked_and_emptied() throws Exception {
        assertEquals("Started a shopping list with whole milk.", say("add whole milk to my shopping list", "memo.create").speech());
        assertEquals("Added eggs and bread to your shopping list.",
                say("put eggs and bread on the grocery list", "memo.create").speech());
        assertEquals("Your shopping list: whole milk, eggs and bread.",
                say("what's on my shopping list", "memo.query").speech());
        assertEquals("Yes, whole milk is on your shopping list.", say("is milk on the shopping list", "memo.query").speech());
        assertEquals("Started your packing list.", say("start a packing list", "memo.create").speech());
        assertEquals("You have 2 lists: packing (0 items) and shopping (3 items).",
                say("which lists do I have", "memo.query").speech());
        assertEquals("Took eggs off your shopping list.",
                say("I bought the eggs, take them off", "memo.delete").speech());
        assertEquals("Took whole milk off your shopping list.",
                say("remove milk from the shopping list", "memo.delete").speech());
        assertEquals("Cleared your shopping list (1 item removed).", say("clear my shopping list", "memo.delete").speech());
        assertEquals("Your shopping list is empty.", say("read me my shopping list", "memo.query").speech());
        assertEquals("Deleted your packing list.", say("delete the packing list", "memo.delete").speech());
        assertEquals("已把牛奶和鸡蛋加到购物清单。", say("把牛奶和鸡蛋加到购物清单", "memo.create").speech());
        assertEquals("购物清单上有：牛奶和鸡蛋。", say("购物清单上有什么", "memo.query").speech());
        assertEquals("已从购物清单删掉牛奶。", say("把牛奶从购物清单删掉", "memo.delete").speech());
        assertEquals("已清空购物清单（删除了1项）。", say("清空购物清单", "memo.delete").speech());
    }

    @Test
    void sentences_no_template_covers_are_understood_by_the_model() throws Exception {
        say("add coffee beans to the shopping list", "memo.create");
        for (String[] s : new String[][] {
                {"we've run out of coffee, it needs to go on the grocery list", "memo.create"},
                {"anything else I have to get from the shops", "memo.query"},
                {"my to do list, what's left on it", "memo.query"},
                {"get rid of the note about the parking spot", "memo.delete"},
                {"超市要买的东西有哪些", "memo.query"},
                {"把停车那条备忘删了", "memo.delete"}}) {
            understood(s[0], s[1]);
        }
        SkillResult r = say("I picked up the coffee beans already, cross that off", "memo.delete");
        assertEquals("Took coffee beans off your shopping list.", r.speech());
    }

    @Test
    void deleting_asks_which_when_several_notes_match_and_deletes_a_clear_one_at_once() throws Exception {
        say("remember the gate code is 4471", "memo.create");
        say("remember the gate code for the back entrance is 5580", "memo.create");
        say("remember the plumber comes on Thursday", "memo.create");
        SkillResult clear = say("forget the note about the plumber", "memo.delete");
        assertEquals(Status.DONE, clear.status(), clear.speech());
        assertEquals("Deleted: the plumber comes on Thursday.", clear.speech());
        SkillResult which = say("forget the note about the gate code", "memo.delete");
        assertEquals(Status.NEEDS_CONFIRMATION, which.status(), which.speech());
        assertEquals(2, store.notes("anna").size(), "nothing deleted before the wearer chose");
        SkillResult picked = say("delete the second one", "memo.delete");
        assertEquals(Status.DONE, picked.status(), picked.speech());
        assertEquals(1, store.notes("anna").size());
        SkillResult again = say("delete the first one", "memo.delete");
        assertEquals(FailureCode.INVALID_VALUE, again.code(), "the question was answered already");
    }

    @Test
    void bad_input_gets_a_clear_answer_and_changes_nothing() throws Exception {
        SkillResult empty = skill.handle(Intent.builder("memo.create").lang("en").wearer("anna").text("remember")
                .slot("action", "text", "note").build());
        assertEquals(FailureCode.INVALID_VALUE, empty.code());
        assertTrue(empty.speech().startsWith("What should I remember?"), empty.speech());
        assertTrue(store.notes("anna").isEmpty());
        say("add milk to the shopping list", "memo.create");
        SkillResult unknown = say("what's on my party list", "memo.query");
        assertEquals(FailureCode.INVALID_VALUE, unknown.code());
        assertEquals("You don't have a party list. Your lists: shopping.", unknown.speech());
        assertEquals("你没有聚会清单。你的清单有：购物。", say("清空聚会清单", "memo.delete").speech());
        SkillResult missing = say("remove caviar from the shopping list", "memo.delete");
        assertEquals("I couldn't find caviar on your shopping list.", missing.speech());
        assertEquals(1, store.items(store.list("anna", "shopping").orElseThrow().id()).size());
        SkillResult nothing = say("forget the note about the dentist", "memo.delete");
        assertEquals("I found no memo about that, so nothing was deleted.", nothing.speech());
    }

    @Test
    void without_an_encoder_notes_are_found_by_their_words() throws Exception {
        MemoSkill plain = new MemoSkill(store, clock, ZONE);
        plain.handle(understood("remember the bike lock code is 2591", "memo.create"));
        plain.handle(understood("remember the plumber comes on Thursday", "memo.create"));
        SkillResult r = plain.handle(understood("what did I say about the bike lock", "memo.query"));
        assertEquals("You said: the bike lock code is 2591 — today.", r.speech());
        assertEquals("I don't have anything about that in your memos.",
                plain.handle(understood("what did I say about my sister's birthday", "memo.query")).speech());
        // the encoder arrives later: the notes made without it are encoded and found by meaning
        RealEncoders.all().values().forEach(plain::bindEncoder);
        SkillResult meaning = plain.handle(Intent.builder("memo.query").lang("en").wearer("anna")
                .text("when is the pipe repair guy showing up").build());
        assertTrue(meaning.speech().contains("plumber"), meaning.speech());
        plain.close();
    }

    @Test
    void memos_and_lists_are_still_there_after_the_hub_restarts() throws Exception {
        say("remember I parked on level 3, bay 42", "memo.create");
        say("add milk to the shopping list", "memo.create");
        skill.close();
        store = MemoStore.open(dir);
        skill = new MemoSkill(store, clock, ZONE);
        RealEncoders.all().values().forEach(skill::bindEncoder);
        assertTrue(say("where did I park", "memo.query").speech().contains("level 3, bay 42"));
        assertEquals("Your shopping list: milk.", say("what's on my shopping list", "memo.query").speech());
    }
}
