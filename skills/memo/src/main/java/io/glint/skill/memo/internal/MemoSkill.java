package io.glint.skill.memo.internal;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.nlu.SentenceEncoder;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.skill.memo.internal.Phrases.ListName;

/**
 * What the wearer asks the hub to remember: free notes ("remember I parked on level 3, bay 42"), found again by
 * meaning ("where did I park?"), and named lists with items ("add milk to the shopping list"). Kept per wearer in
 * an H2 database under {@code <glint.data>/memo/}, which outlives restarts (the framework's own storage does not).
 */
@Component
@SkillDefinition("glint/memo.json")
public class MemoSkill implements Skill {
    private static final Logger LOG = LoggerFactory.getLogger(MemoSkill.class);
    /** How long a "which one?" about deleting stays open. */
    static final Duration CHOICE_WINDOW = Duration.ofMinutes(2);
    /** Two notes closer than this in score are both what the wearer may mean. */
    static final double AMBIGUITY = 0.05;
    private static final String CONSOLE = "console";

    private final MemoStore store;
    private final Map<String, SentenceEncoder> encoders = new ConcurrentHashMap<>();
    private final Recall recall;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final ExecutorService background;

    /** Notes the wearer may mean by "delete the note about …", waiting for "the first one" / "both". */
    private record Pending(List<MemoStore.Note> notes, Instant expires) {
    }

    @Activate
    public MemoSkill(BundleContext context) throws SQLException {
        this(MemoStore.open(dataDir(context.getProperty("glint.data"))), Clock.systemDefaultZone(),
                ZoneId.systemDefault());
    }

    /** For tests and tools: the store, and the clock and zone that say "today" and "on Tuesday". */
    public MemoSkill(MemoStore store, Clock clock, ZoneId zone) {
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.recall = new Recall(store, encoders);
        this.background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "glint-memo-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    static Path dataDir(String glintData) {
        if (glintData == null || glintData.isBlank()) {
            throw new IllegalStateException("The framework property glint.data (the hub's data directory) is not "
                    + "set, so the memo skill has nowhere to keep memos; start the hub with bin/glint, which sets it");
        }
        return Path.of(glintData, "memo");
    }

    @Reference(service = SentenceEncoder.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    public void bindEncoder(SentenceEncoder encoder) {
        encoders.put(encoder.lang(), encoder);
        LOG.info("Finding memos in '{}' by meaning, with {}", encoder.lang(), encoder.model());
        background.execute(() -> {
            int n = recall.reindex(10_000);
            if (n > 0) {
                LOG.info("Encoded {} memos with {}", n, encoder.model());
            }
        });
    }

    public void unbindEncoder(SentenceEncoder encoder) {
        encoders.remove(encoder.lang(), encoder);
    }

    @Deactivate
    public void close() {
        background.shutdownNow();
        try {
            background.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } catch (SQLException e) {
            LOG.warn("Closing the memo database: {}", e.getMessage());
        }
    }

    @Override
    public SkillResult handle(Intent intent) throws Exception {
        try {
            return switch (intent.name()) {
                case "memo.create" -> create(intent);
                case "memo.query" -> query(intent);
                case "memo.delete" -> delete(intent);
                default -> SkillResult.failed(FailureCode.NOT_SUPPORTED, say(intent,
                        "I can't do that with your memos.", "备忘的这个操作我还不会。"));
            };
        } catch (SQLException e) {
            LOG.error("Memo database failed on \"{}\": {}", intent.text(), e.getMessage(), e);
            return SkillResult.failed(FailureCode.SKILL_ERROR, say(intent,
                    "I couldn't reach your memos just now, so nothing was changed. Please try again.",
                    "暂时无法访问备忘，什么都没有改动，请再试一次。"));
        }
    }

    // ---- create

    private SkillResult create(Intent intent) throws SQLException {
        String action = slot(intent, "action");
        String text = intent.text();
        Optional<ListName> list = Optional.ofNullable(slot(intent, "list")).flatMap(Phrases::list);
        if ("new_list".equals(action) || action == null && Phrases.startsList(text)) {
            Optional<ListName> name = list.isPresent() ? list : Phrases.newListName(text);
            return newList(intent, name);
        }
        if ("add".equals(action)) {
            String items = slot(intent, "text");
            return add(intent, items == null ? null : Phrases.original(items, text), list);
        }
        if (action == null) {
            Optional<Phrases.Addition> addition = Phrases.addition(text);
            if (addition.isPresent()) {
                return add(intent, addition.get().items(), Optional.ofNullable(addition.get().list()));
            }
        }
        String said = slot(intent, "text");
        String note = said != null ? Phrases.note(Phrases.original(said, text)) : Phrases.note(text);
        return remember(intent, note);
    }

    private SkillResult remember(Intent intent, String note) throws SQLException {
        if (note == null || note.isBlank() || Words.terms(note).isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "What should I remember? Say it in one go, for example: remember I parked on level 3.",
                    "要我记住什么？请一次说完，比如：记住我把车停在B2层。"));
        }
        MemoStore.Note saved = store.addNote(wearer(intent), note, intent.lang(), clock.instant());
        recall.index(saved);
        return SkillResult.done(say(intent, "Got it: " + Words.back(note, "en") + ".", "记住了：" + note + "。"))
                .withCard(Card.of(say(intent, "Memo", "备忘"), clip(note)));
    }

    private SkillResult newList(Intent intent, Optional<ListName> name) throws SQLException {
        if (name.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "What should the list be called? For example: start a packing list.",
                    "清单叫什么名字？比如：新建一个行李清单。"));
        }
        String wearer = wearer(intent);
        Optional<MemoStore.MemoList> existing = store.list(wearer, name.get().key());
        if (existing.isPresent()) {
            int n = existing.get().items();
            return SkillResult.done(say(intent,
                    "You already have a " + display(existing.get(), "en") + " list, with " + Words.items(n, "en") + ".",
                    "你已经有" + display(existing.get(), "zh") + "清单了，里面有" + Words.items(n, "zh") + "。"));
        }
        MemoStore.MemoList created = store.createList(wearer, name.get().key(), name.get().in(intent.lang()),
                intent.lang(), clock.instant());
        return SkillResult.done(say(intent, "Started your " + display(created, "en") + " list.",
                "已新建" + display(created, "zh") + "清单。"));
    }

    private SkillResult add(Intent intent, String said, Optional<ListName> name) throws SQLException {
        List<String> items = Phrases.items(said);
        items.removeIf(i -> Set.of("it", "them", "that", "this", "those", "它", "它们", "这个", "那个").contains(
                Words.normalize(i)));
        if (items.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "What should I add? Name it, for example: add milk to the shopping list.",
                    "要加什么？请说出名字，比如：把牛奶加到购物清单。"));
        }
        String wearer = wearer(intent);
        MemoStore.MemoList list;
        boolean started = false;
        if (name.isPresent()) {
            Optional<MemoStore.MemoList> found = store.list(wearer, name.get().key());
            started = found.isEmpty();
            list = found.isPresent() ? found.get()
                    : store.createList(wearer, name.get().key(), name.get().in(intent.lang()), intent.lang(),
                            clock.instant());
        } else {
            List<MemoStore.MemoList> lists = store.lists(wearer);
            if (lists.size() != 1) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, lists.isEmpty()
                        ? say(intent, "Which list should " + Words.join(items, "en") + " go on? For example: add "
                                + items.get(0) + " to the shopping list.", "要加到哪个清单？比如：把" + items.get(0) + "加到购物清单。")
                        : say(intent, "Which list: " + Words.join(names(lists, "en"), "en").replace(" and ", " or ")
                                + "?", "加到哪个清单：" + String.join("还是", names(lists, "zh")) + "？"));
            }
            list = lists.get(0);
        }
        store.addItems(list.id(), items, clock.instant());
        String en = Words.join(items, "en");
        String zh = Words.join(items, "zh");
        return SkillResult.done(started
                ? say(intent, "Started a " + display(list, "en") + " list with " + en + ".",
                        "已新建" + display(list, "zh") + "清单，加上了" + zh + "。")
                : say(intent, "Added " + en + " to your " + display(list, "en") + " list.",
                        "已把" + zh + "加到" + display(list, "zh") + "清单。"));
    }

    // ---- query

    private SkillResult query(Intent intent) throws SQLException {
        String action = slot(intent, "action");
        String text = intent.text();
        String wearer = wearer(intent);
        Optional<ListName> named = Optional.ofNullable(slot(intent, "list")).flatMap(Phrases::list);
        if (action == null) {
            String s = Words.normalize(text);
            if (s.matches(".*\\blists\\b.*") || s.matches(".*(?:哪些|几个|什么|多少)(?:清单|列表|单子).*")) {
                action = "lists";
            } else {
                named = Phrases.mentionedList(text);
                action = named.isPresent() ? "read" : "find";
            }
        }
        switch (action) {
            case "lists":
                return lists(intent, store.lists(wearer));
            case "read":
            case "check": {
                Optional<MemoStore.MemoList> list = named.isPresent() ? store.list(wearer, named.get().key())
                        : only(store.lists(wearer));
                if (list.isEmpty()) {
                    return noSuchList(intent, named, store.lists(wearer));
                }
                List<MemoStore.Item> items = store.items(list.get().id());
                if ("check".equals(action)) {
                    String wanted = slot(intent, "query");
                    return check(intent, list.get(), items, wanted == null ? text : wanted);
                }
                return read(intent, list.get(), items);
            }
            default:
                return find(intent);
        }
    }

    private SkillResult lists(Intent intent, List<MemoStore.MemoList> lists) {
        if (lists.isEmpty()) {
            return SkillResult.answer(say(intent, "You have no lists yet. Say, for example: add milk to the shopping list.",
                    "你还没有清单。可以说：把牛奶加到购物清单。"));
        }
        List<String> en = lists.stream().map(l -> display(l, "en") + " (" + Words.items(l.items(), "en") + ")").toList();
        List<String> zh = lists.stream().map(l -> display(l, "zh") + "（" + Words.items(l.items(), "zh") + "）").toList();
        return SkillResult.answer(say(intent,
                (lists.size() == 1 ? "You have one list: " : "You have " + lists.size() + " lists: ") + Words.join(en, "en") + ".",
                "你有" + lists.size() + "个清单：" + Words.join(zh, "zh") + "。"))
                .withCard(Card.of(say(intent, "Lists", "清单"), lists.stream().limit(Card.MAX_LINES)
                        .map(l -> clip(display(l, intent.lang()))).toList()));
    }

    private SkillResult read(Intent intent, MemoStore.MemoList list, List<MemoStore.Item> items) {
        if (items.isEmpty()) {
            return SkillResult.answer(say(intent, "Your " + display(list, "en") + " list is empty.",
                    display(list, "zh") + "清单是空的。"));
        }
        List<String> texts = items.stream().map(MemoStore.Item::text).toList();
        return SkillResult.answer(say(intent,
                "Your " + display(list, "en") + " list: " + Words.some(texts, 8, "en") + ".",
                display(list, "zh") + "清单上有：" + Words.some(texts, 8, "zh") + "。"))
                .withCard(Card.of(display(list, intent.lang()), texts.stream().limit(Card.MAX_LINES)
                        .map(MemoSkill::clip).toList()));
    }

    private SkillResult check(Intent intent, MemoStore.MemoList list, List<MemoStore.Item> items, String wanted) {
        List<MemoStore.Item> found = matching(items, wanted);
        String what = Phrases.original(wanted, intent.text());
        if (found.isEmpty()) {
            return SkillResult.answer(say(intent, "No, " + what + " isn't on your " + display(list, "en") + " list.",
                    display(list, "zh") + "清单上没有" + what + "。"));
        }
        return SkillResult.answer(say(intent, "Yes, " + found.get(0).text() + " is on your " + display(list, "en")
                + " list.", "有，" + display(list, "zh") + "清单上有" + found.get(0).text() + "。"));
    }

    private SkillResult find(Intent intent) throws SQLException {
        String wearer = wearer(intent);
        List<Recall.Hit> hits = recall.find(wearer, intent.text(), intent.lang());
        if (hits.isEmpty()) {
            return SkillResult.answer(say(intent, "I don't have anything about that in your memos.",
                    "你的备忘里没有这方面的内容。"));
        }
        MemoStore.Note best = hits.get(0).note();
        String when = Words.when(best.created(), clock.instant(), zone, intent.lang());
        String more = hits.size() > 1 && hits.get(0).score() - hits.get(1).score() < AMBIGUITY
                ? say(intent, " Also: " + Words.back(hits.get(1).note().text(), "en") + ".",
                        "另外：" + hits.get(1).note().text() + "。")
                : "";
        return SkillResult.answer(say(intent,
                "You said: " + Words.back(best.text(), "en") + " — " + when + "." + more,
                "你" + when + "说过：" + best.text() + "。" + more))
                .withCard(Card.of(say(intent, "Memo", "备忘"), clip(best.text()), when));
    }

    // ---- delete

    private SkillResult delete(Intent intent) throws SQLException {
        String action = slot(intent, "action");
        String text = intent.text();
        String wearer = wearer(intent);
        Optional<ListName> named = Optional.ofNullable(slot(intent, "list")).flatMap(Phrases::list);
        if ("pick".equals(action)) {
            return pick(intent, slot(intent, "pick"));
        }
        if (action == null) {
            action = guessDelete(intent, wearer);
            if (named.isEmpty()) {
                named = Phrases.mentionedList(text);
            }
        }
        switch (action) {
            case "clear":
            case "drop": {
                Optional<MemoStore.MemoList> list = named.isPresent() ? store.list(wearer, named.get().key())
                        : Optional.empty();
                if (list.isEmpty()) {
                    return noSuchList(intent, named, store.lists(wearer));
                }
                if ("clear".equals(action)) {
                    int n = store.clear(list.get().id(), clock.instant());
                    return SkillResult.done(say(intent, "Cleared your " + display(list.get(), "en") + " list ("
                            + Words.items(n, "en") + " removed).", "已清空" + display(list.get(), "zh") + "清单（删除了"
                            + Words.items(n, "zh") + "）。"));
                }
                store.dropList(list.get().id());
                int n = list.get().items();
                return SkillResult.done(say(intent, "Deleted your " + display(list.get(), "en") + " list"
                        + (n == 0 ? "." : " and its " + Words.items(n, "en") + "."),
                        "已删除" + display(list.get(), "zh") + "清单" + (n == 0 ? "。" : "和里面的" + Words.items(n, "zh") + "。")));
            }
            case "item":
                return removeItems(intent, wearer, named, slot(intent, "query"));
            default:
                return forget(intent, wearer);
        }
    }

    /** For a sentence understood by meaning: list, item or note? */
    private String guessDelete(Intent intent, String wearer) throws SQLException {
        String s = Words.normalize(intent.text());
        Optional<ListName> named = Phrases.mentionedList(s);
        boolean clearWords = s.matches(".*\\b(?:clear|empty|wipe|everything off|all the items|over from|from scratch)\\b.*")
                || s.matches(".*(?:清空|全清|全部清|清掉|重新开始).*");
        if (named.isPresent() && clearWords) {
            return "clear";
        }
        if (!itemsMentioned(wearer, s).isEmpty()) {
            return "item";
        }
        if (named.isPresent() && s.matches(".*\\b(?:from|off)\\b.*")) {
            return "item";
        }
        if (named.isPresent() && store.list(wearer, named.get().key()).isPresent()) {
            return "drop";
        }
        return "note";
    }

    /** Items of the wearer's lists whose words all appear in the sentence. */
    private List<MemoStore.Item> itemsMentioned(String wearer, String sentence) throws SQLException {
        Set<String> said = Words.terms(sentence);
        List<MemoStore.Item> out = new ArrayList<>();
        for (MemoStore.MemoList l : store.lists(wearer)) {
            for (MemoStore.Item i : store.items(l.id())) {
                Set<String> t = Words.terms(i.text());
                if (!t.isEmpty() && said.containsAll(t)) {
                    out.add(i);
                }
            }
        }
        return out;
    }

    private SkillResult removeItems(Intent intent, String wearer, Optional<ListName> named, String said)
            throws SQLException {
        List<MemoStore.MemoList> lists = store.lists(wearer);
        List<MemoStore.MemoList> scope = lists;
        if (named.isPresent()) {
            Optional<MemoStore.MemoList> list = store.list(wearer, named.get().key());
            if (list.isEmpty()) {
                return noSuchList(intent, named, lists);
            }
            scope = List.of(list.get());
        }
        String wanted = said == null ? null : Phrases.original(said, intent.text());
        boolean pronoun = wanted != null && Set.of("it", "them", "that", "this", "those", "它", "它们", "这个", "那个")
                .contains(Words.normalize(wanted));
        List<MemoStore.Item> found = new ArrayList<>();
        for (MemoStore.MemoList l : scope) {
            List<MemoStore.Item> items = store.items(l.id());
            found.addAll(wanted != null && !pronoun ? matching(items, wanted) : List.of());
        }
        if (found.isEmpty()) {
            List<MemoStore.Item> mentioned = itemsMentioned(wearer, intent.text());
            List<Long> ids = scope.stream().map(MemoStore.MemoList::id).toList();
            mentioned.removeIf(i -> !ids.contains(i.listId()));
            found.addAll(mentioned);
        }
        if (found.isEmpty()) {
            String what = wanted == null || pronoun ? null : wanted;
            String where = named.isPresent() ? say(intent, "your " + named.get().in("en") + " list",
                    named.get().in("zh") + "清单") : say(intent, "any of your lists", "你的清单");
            return SkillResult.failed(FailureCode.INVALID_VALUE, what == null
                    ? say(intent, "Which item should I take off? Name it, for example: take milk off the shopping list.",
                            "要删哪一项？请说出名字，比如：把牛奶从购物清单删掉。")
                    : say(intent, "I couldn't find " + what + " on " + where + ".", where + "上没有" + what + "。"));
        }
        List<String> removed = new ArrayList<>();
        List<String> from = new ArrayList<>();
        for (MemoStore.MemoList l : lists) {
            List<Long> ids = found.stream().filter(i -> i.listId() == l.id()).map(MemoStore.Item::id).toList();
            if (!ids.isEmpty()) {
                store.removeItems(l.id(), ids, clock.instant());
                found.stream().filter(i -> i.listId() == l.id()).forEach(i -> removed.add(i.text()));
                from.add(display(l, intent.lang()));
            }
        }
        return SkillResult.done(say(intent,
                "Took " + Words.join(removed, "en") + " off your " + Words.join(from, "en") + " list"
                        + (from.size() > 1 ? "s." : "."),
                "已从" + String.join("、", from) + "清单删掉" + Words.join(removed, "zh") + "。"));
    }

    private SkillResult forget(Intent intent, String wearer) throws SQLException {
        String said = slot(intent, "query");
        String query = said != null ? Phrases.original(said, intent.text()) : intent.text();
        List<Recall.Hit> hits = recall.find(wearer, query, intent.lang());
        if (hits.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "I found no memo about that, so nothing was deleted.", "没有找到相关的备忘，什么都没有删。"));
        }
        List<Recall.Hit> close = hits.stream().filter(h -> hits.get(0).score() - h.score() < AMBIGUITY).limit(3).toList();
        if (close.size() == 1) {
            MemoStore.Note n = close.get(0).note();
            store.deleteNote(n.id());
            pending.remove(wearer);
            return SkillResult.done(say(intent, "Deleted: " + Words.back(n.text(), "en") + ".", "已删除：" + n.text() + "。"));
        }
        List<MemoStore.Note> notes = close.stream().map(Recall.Hit::note).toList();
        pending.put(wearer, new Pending(notes, clock.instant().plus(CHOICE_WINDOW)));
        List<String> en = new ArrayList<>();
        List<String> zh = new ArrayList<>();
        String[] ordinals = {"first", "second", "third"};
        String[] zhOrdinals = {"第一条", "第二条", "第三条"};
        for (int i = 0; i < notes.size(); i++) {
            en.add(ordinals[i] + ": " + Words.back(notes.get(i).text(), "en"));
            zh.add(zhOrdinals[i] + "：" + notes.get(i).text());
        }
        return SkillResult.needsConfirmation(say(intent,
                notes.size() + " memos match — " + String.join("; ", en) + ". Say \"delete the first one\", "
                        + "\"delete both\" or \"delete all of them\".",
                "有" + notes.size() + "条备忘符合：" + String.join("；", zh) + "。请说“删第一条”或“都删掉”。"))
                .withCard(Card.of(say(intent, "Which one?", "哪一条？"), notes.stream().limit(Card.MAX_LINES)
                        .map(n -> clip(n.text())).toList()));
    }

    private SkillResult pick(Intent intent, String which) throws SQLException {
        String wearer = wearer(intent);
        Pending p = pending.get(wearer);
        if (p == null || !p.expires().isAfter(clock.instant())) {
            pending.remove(wearer);
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "I wasn't asking which memo to delete just then. Say which one, for example: forget the note about the gate code.",
                    "我刚才没有问要删哪条备忘。请说清楚，比如：删掉关于大门密码的备忘。"));
        }
        List<MemoStore.Note> chosen;
        if ("all".equals(which)) {
            chosen = p.notes();
        } else {
            int index = "last".equals(which) ? p.notes().size() - 1 : Integer.parseInt(which) - 1;
            if (index < 0 || index >= p.notes().size()) {
                return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                        "There were only " + p.notes().size() + " to choose from.", "只有" + p.notes().size() + "条可选。"));
            }
            chosen = List.of(p.notes().get(index));
        }
        pending.remove(wearer);
        for (MemoStore.Note n : chosen) {
            store.deleteNote(n.id());
        }
        List<String> texts = chosen.stream().map(MemoStore.Note::text).toList();
        return SkillResult.done(say(intent, "Deleted: " + String.join("; ", texts.stream().map(t -> Words.back(t, "en"))
                .toList()) + ".", "已删除：" + String.join("；", texts) + "。"));
    }

    // ---- helpers

    private SkillResult noSuchList(Intent intent, Optional<ListName> named, List<MemoStore.MemoList> lists) {
        String have = lists.isEmpty() ? say(intent, "You have no lists yet.", "你还没有任何清单。")
                : say(intent, "Your lists: " + Words.join(names(lists, "en"), "en") + ".",
                        "你的清单有：" + Words.join(names(lists, "zh"), "zh") + "。");
        if (named.isEmpty()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent, "Which list do you mean? ", "你说的是哪个清单？") + have);
        }
        return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                "You don't have a " + named.get().in("en") + " list. ", "你没有" + named.get().in("zh") + "清单。") + have);
    }

    private static List<MemoStore.Item> matching(List<MemoStore.Item> items, String wanted) {
        Set<String> w = Words.terms(wanted);
        if (w.isEmpty()) {
            return List.of();
        }
        List<MemoStore.Item> exact = items.stream().filter(i -> Words.terms(i.text()).equals(w)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return items.stream().filter(i -> {
            Set<String> t = Words.terms(i.text());
            return !t.isEmpty() && (t.containsAll(w) || w.containsAll(t));
        }).toList();
    }

    private static Optional<MemoStore.MemoList> only(List<MemoStore.MemoList> lists) {
        return lists.size() == 1 ? Optional.of(lists.get(0)) : Optional.empty();
    }

    private static List<String> names(List<MemoStore.MemoList> lists, String lang) {
        return lists.stream().map(l -> display(l, lang)).toList();
    }

    /** A list's name in the language: the known lists have one in each, others keep the name they were given. */
    static String display(MemoStore.MemoList list, String lang) {
        return Phrases.byKey(list.key()).map(n -> n.in(lang)).orElse(list.name());
    }

    private static String slot(Intent intent, String name) {
        return intent.slot(name).map(Slot::value).filter(v -> !v.isBlank()).orElse(null);
    }

    private static String wearer(Intent intent) {
        return intent.wearer() == null || intent.wearer().isBlank() ? CONSOLE : intent.wearer();
    }

    private static String say(Intent intent, String en, String zh) {
        return Words.say(intent.lang(), en, zh);
    }

    private static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }
}
