package io.glint.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;
import io.glint.nlu.SkillSpecs;

/**
 * Understand, then dispatch, as a conversation with each wearer: "it" and "and the hallway too" refer to what
 * they last talked about, an ambiguous name is asked about and the next answer completes it, and sensitive
 * commands wait for the wearer's own "yes". Whatever goes wrong, the wearer hears a sentence and the hub keeps
 * serving.
 */
@Component(service = Assistant.class, configurationPid = "io.glint.core.assistant")
@Designate(ocd = AssistantService.Config.class)
public class AssistantService implements Assistant {

    @ObjectClassDefinition(name = "Glint conversation")
    public @interface Config {
        @AttributeDefinition(description = "How long the hub waits for the wearer to confirm a sensitive action "
                + "(ms, 1000–60000)", min = "1000", max = "60000")
        long confirmationWindowMs() default 15_000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(AssistantService.class);
    /** Longer than any command; a recogniser that sends more has captured a conversation, not a command. */
    static final int MAX_UTTERANCE_CHARS = 500;
    static final String DIALOG_OWNER = "io.glint.core/dialog";
    static final Duration CHOICE_WINDOW = Duration.ofSeconds(30);
    /** How long "it" and the last room stay meaningful. */
    static final Duration CONTEXT_WINDOW = Duration.ofMinutes(5);
    private static final String CONSOLE = "console";

    private final Nlu nlu;
    private final IntentDispatcher dispatcher;
    private final Registry registry;
    private final Clock clock;
    private final Duration confirmationWindow;
    private final Map<String, Conversation> conversations = new ConcurrentHashMap<>();

    @Activate
    public AssistantService(@Reference Nlu nlu, @Reference Dispatcher dispatcher, @Reference Registry registry,
            Config config) {
        this(nlu, dispatcher, registry, Clock.systemUTC(),
                Duration.ofMillis(Math.max(1000, Math.min(60_000, config.confirmationWindowMs()))));
    }

    public AssistantService(Nlu nlu, IntentDispatcher dispatcher, Registry registry, Clock clock) {
        this(nlu, dispatcher, registry, clock, Duration.ofSeconds(15));
    }

    public AssistantService(Nlu nlu, IntentDispatcher dispatcher, Registry registry, Clock clock,
            Duration confirmationWindow) {
        this.confirmationWindow = confirmationWindow;
        this.nlu = nlu;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.clock = clock;
        try (InputStream in = AssistantService.class.getResourceAsStream("/glint/dialog.json")) {
            nlu.register(DIALOG_OWNER, SkillSpecs.read(in, "io.glint.core:glint/dialog.json"));
        } catch (IOException e) {
            throw new IllegalStateException("The hub's own dialog definition cannot be read", e);
        }
    }

    @Deactivate
    void deactivate() {
        nlu.unregister(DIALOG_OWNER);
    }

    @Override
    public Response handle(Utterance utterance) {
        String lang = language(utterance);
        if (utterance.text().isBlank()) {
            return notUnderstood(lang, "I didn't hear anything.", "我没有听到内容。");
        }
        if (utterance.text().length() > MAX_UTTERANCE_CHARS) {
            return notUnderstood(lang, "That was too long for a command; please say it in a shorter sentence.",
                    "这句话太长了，请说得简短一些。");
        }
        Conversation c = conversations.computeIfAbsent(wearer(utterance), k -> new Conversation());
        synchronized (c) {
            try {
                return converse(c, utterance, lang);
            } catch (RuntimeException e) {
                LOG.error("The hub failed on \"{}\"", utterance.text(), e);
                c.dropPending();
                return new Response(ResponseStatus.FAILED, FailureCode.SKILL_ERROR, Say.in(lang,
                        "Something went wrong in the hub; nothing was changed.", "系统出错了，没有做任何更改。"), null,
                        null, null);
            }
        }
    }

    @Override
    public Optional<Intent> understand(Utterance utterance) {
        if (utterance.text().isBlank() || utterance.text().length() > MAX_UTTERANCE_CHARS) {
            return Optional.empty();
        }
        return nlu.parse(utterance).map(i -> withPosition(i, utterance));
    }

    @Override
    public java.util.Set<String> modelLanguages() {
        return nlu.modelLanguages();
    }

    @Override
    public java.util.Set<String> intents() {
        java.util.Set<String> names = new java.util.TreeSet<>(nlu.intents());
        names.removeIf(n -> n.startsWith("dialog."));
        return names;
    }

    private Response converse(Conversation c, Utterance u, String lang) {
        Instant now = clock.instant();
        boolean fresh = c.recent(now, CONTEXT_WINDOW);
        String room = u.room() != null ? u.room() : fresh ? c.lastRoom : null;
        c.roomFromGlasses = u.room() != null;
        Optional<Intent> parsed = nlu.parse(new Utterance(u.text(), u.lang(), u.wearer(), room, u.position()),
                fresh ? c.lastDevices : List.of()).map(i -> withPosition(i, u));
        if (parsed.isEmpty()) {
            c.dropPending();
            return notUnderstood(lang, "Sorry, I can't help with that: no installed skill understands it.",
                    "抱歉，我帮不上忙：没有已安装的技能能理解这句话。");
        }
        Intent intent = parsed.get();
        if (intent.name().startsWith("dialog.") && intent.slot("device").map(d -> d.candidates().isEmpty())
                .orElse(false)) {
            // "the zorp" as an answer names nothing in the home: not an answer, and not a command either
            c.dropPending();
            return notUnderstood(lang, "Sorry, I can't help with that: no installed skill understands it.",
                    "抱歉，我帮不上忙：没有已安装的技能能理解这句话。");
        }
        switch (intent.name()) {
            case "dialog.confirm":
                return confirm(c, intent, now);
            case "dialog.cancel":
                return cancel(c, intent);
            case "dialog.choose":
                if (c.choice != null && c.choice.expires().isAfter(now)) {
                    return choose(c, intent, now);
                }
                c.dropPending();
                return failed(intent, FailureCode.INVALID_VALUE, Say.in(intent.lang(),
                        "I wasn't asking anything just then. What would you like me to do?", "我刚才没有提问。你想让我做什么？"));
            case "dialog.also":
                c.dropPending();
                return also(c, intent, now);
            default:
                c.dropPending();
                return act(c, intent, now);
        }
    }

    /** Resolves "it" and ambiguous names, dispatches, holds sensitive commands, remembers what was touched. */
    private Response act(Conversation c, Intent request, Instant now) {
        Intent intent = request;
        Optional<Slot> device = intent.slot("device");
        if (device.isPresent() && Nlu.UNRESOLVED_REFERENCE.equals(
                device.get().value())) {
            return failed(intent, FailureCode.NO_DEVICE, Say.in(intent.lang(),
                    "Which device do you mean by \"" + device.get().raw() + "\"?", "你说的“" + device.get().raw()
                            + "”是指哪个设备？"));
        }
        if (device.isPresent() && device.get().value() == null && device.get().candidates().size() > 1) {
            // only the room the glasses report settles it; the room last talked about is too weak a hint
            String wearerRoom = c.roomFromGlasses ? intent.room() : null;
            List<String> inRoom = device.get().candidates().stream()
                    .filter(id -> wearerRoom != null && registry.get(id).map(d -> wearerRoom.equals(d.room()))
                            .orElse(false))
                    .toList();
            if (inRoom.size() == 1) {
                intent = withDevice(intent, device.get().raw(), inRoom.get(0));
            } else {
                c.choice = new Conversation.PendingChoice(intent, "device", device.get().candidates(),
                        now.plus(CHOICE_WINDOW));
                return ask(intent, device.get().raw(), device.get().candidates());
            }
        }
        SkillCatalog.Dispatch d = dispatcher.dispatch(intent);
        DispatchContext context = d.context();
        if (context != null && !context.held().isEmpty()) {
            c.confirmation = new Conversation.PendingConfirmation(context.held(), intent, d.owner(),
                    now.plus(confirmationWindow));
            remember(c, intent, context.held().stream().map(DispatchContext.Held::deviceId).toList(), now);
            return confirmationQuestion(intent, context.held(), d.owner());
        }
        remember(c, intent, context == null ? List.of() : context.touched(), now);
        return toResponse(d.result(), intent, d.owner());
    }

    private Response confirm(Conversation c, Intent answer, Instant now) {
        Conversation.PendingConfirmation p = c.confirmation;
        c.dropPending();
        if (p == null) {
            return failed(answer, FailureCode.NOT_ALLOWED, Say.in(answer.lang(),
                    "There's nothing waiting for your confirmation.", "现在没有需要你确认的操作。"));
        }
        if (!p.expires().isAfter(now)) {
            return failed(answer, FailureCode.NOT_ALLOWED, Say.in(answer.lang(),
                    "That request expired after " + seconds(confirmationWindow) + ", so nothing was done. "
                            + "Say it again if you still want it.",
                    "那个请求已超过" + confirmationWindow.toSeconds() + "秒未确认，什么都没有做。如仍需要，请再说一次。"));
        }
        String lang = p.intent().lang();
        List<String> done = new ArrayList<>();
        List<CommandResult> failures = new ArrayList<>();
        for (DispatchContext.Held h : p.held()) {
            CommandResult r = registry.execute(h.deviceId(), h.command(), h.grants(), h.caller());
            Optional<Device> device = registry.get(h.deviceId());
            if (r.ok()) {
                done.add(device.map(dev -> Sensitivity.done(dev, h.command(), lang)).orElse("Done."));
            } else {
                failures.add(r);
            }
        }
        if (failures.isEmpty()) {
            return new Response(ResponseStatus.DONE, null, String.join(" ", done),
                    Card.of(Say.in(lang, "Confirmed", "已确认"), clip(String.join(" ", done))), p.intent(), p.owner());
        }
        String why = failures.get(0).reason();
        FailureCode code = done.isEmpty() ? failures.get(0).code() : FailureCode.PARTIAL;
        return new Response(ResponseStatus.FAILED, code, done.isEmpty() ? why : String.join(" ", done) + " " + why,
                null, p.intent(), p.owner());
    }

    private Response cancel(Conversation c, Intent answer) {
        Conversation.PendingConfirmation p = c.confirmation;
        boolean choosing = c.choice != null;
        c.dropPending();
        String speech;
        if (p != null) {
            String lang = p.intent().lang();
            speech = String.join(" ", p.held().stream().map(h -> registry.get(h.deviceId())
                    .map(d -> Sensitivity.cancelled(d, h.command(), lang)).orElse(Say.in(lang, "OK.", "好的。")))
                    .distinct().toList());
        } else {
            speech = choosing ? Say.in(answer.lang(), "OK, never mind.", "好的，那就算了。")
                    : Say.in(answer.lang(), "OK, there was nothing to cancel.", "好的，没有需要取消的操作。");
        }
        return new Response(ResponseStatus.DONE, null, speech, null, answer, DIALOG_OWNER);
    }

    /** "the bedroom one", "卧室的那个": completes the intent that was waiting for it. */
    private Response choose(Conversation c, Intent answer, Instant now) {
        Conversation.PendingChoice p = c.choice;
        List<String> matches = p.candidates().stream().filter(id -> answer.slot("device")
                .map(s -> s.candidates().contains(id)).orElse(true))
                .filter(id -> answer.slot("room").map(s -> registry.get(id)
                        .map(d -> s.candidates().contains(d.room())).orElse(false)).orElse(true))
                .toList();
        if (matches.size() == 1) {
            c.choice = null;
            return act(c, withDevice(p.intent(), p.intent().slot(p.slot()).map(Slot::raw).orElse(""),
                    matches.get(0)), now);
        }
        List<String> options = matches.isEmpty() ? p.candidates() : matches;
        c.choice = new Conversation.PendingChoice(p.intent(), p.slot(), options, now.plus(CHOICE_WINDOW));
        String raw = p.intent().slot(p.slot()).map(Slot::raw).orElse("");
        Response again = ask(p.intent(), raw, options);
        String prefix = matches.isEmpty() ? Say.in(p.intent().lang(), "That isn't one of them. ", "不是其中之一。") : "";
        return new Response(again.status(), null, prefix + again.speech(), again.card(), again.intent(), null);
    }

    /** "and the hallway too": the last request again, with the new room or device. */
    private Response also(Conversation c, Intent answer, Instant now) {
        if (c.lastIntent == null || !c.recent(now, CONTEXT_WINDOW)) {
            return failed(answer, FailureCode.INVALID_VALUE, Say.in(answer.lang(),
                    "Sorry, what should I do there?", "抱歉，要在那里做什么？"));
        }
        Intent.Builder b = c.lastIntent.toBuilder().text(answer.text()).lang(answer.lang())
                .position(answer.position().orElse(null));
        answer.slot("room").ifPresent(room -> b.removeSlot("device").slot(room));
        answer.slot("device").ifPresent(dev -> b.removeSlot("room").slot(dev));
        return act(c, b.build(), now);
    }

    private void remember(Conversation c, Intent intent, List<String> touched, Instant now) {
        List<String> devices = touched;
        if (devices.isEmpty()) {
            devices = intent.slot("device").map(Slot::candidates).orElse(List.of());
        }
        if (!devices.isEmpty()) {
            c.lastDevices = devices;
        }
        String room = intent.slot("room").map(Slot::value).orElse(null);
        if (room == null && !devices.isEmpty()) {
            List<String> rooms = devices.stream().map(id -> registry.get(id).map(Device::room).orElse(null))
                    .distinct().toList();
            room = rooms.size() == 1 ? rooms.get(0) : null;
        }
        if (room != null) {
            c.lastRoom = room;
        }
        c.lastIntent = intent;
        c.lastAt = now;
    }

    private Response ask(Intent intent, String raw, List<String> candidates) {
        String lang = intent.lang();
        List<String> options = new ArrayList<>();
        for (String id : candidates) {
            registry.get(id).ifPresent(d -> {
                String room = d.room() == null ? null : registry.room(d.room()).map(r -> Names.of(r, lang))
                        .orElse(d.room());
                options.add("zh".equals(lang) ? (room == null ? "" : room + "的") + Names.of(d, lang)
                        : "the " + Names.of(d, lang) + (room == null ? "" : " in the " + room));
            });
        }
        String speech;
        if ("zh".equals(lang)) {
            speech = "哪一个" + raw + "：" + String.join("还是", options) + "？";
        } else {
            String last = options.remove(options.size() - 1);
            speech = "Which " + raw + ": " + (options.isEmpty() ? "" : String.join(", ", options) + " or ") + last
                    + "?";
            options.add(last);
        }
        List<String> lines = options.stream().limit(Card.MAX_LINES).map(AssistantService::clip).toList();
        return new Response(ResponseStatus.NEEDS_CONFIRMATION, null, speech,
                Card.of(Say.in(lang, "Which one?", "哪一个？"), lines), intent, null);
    }

    private Response confirmationQuestion(Intent intent, List<DispatchContext.Held> held, String owner) {
        String lang = intent.lang();
        List<String> questions = held.stream().map(h -> registry.get(h.deviceId())
                .map(d -> Sensitivity.question(d, h.command(), lang)).orElse("?")).distinct().toList();
        String speech = String.join(" ", questions);
        return new Response(ResponseStatus.NEEDS_CONFIRMATION, null, speech,
                Card.of(Say.in(lang, "Confirm", "请确认"), clip(questions.get(0)), Say.in(lang, "Say yes or no",
                        "请说“确认”或“取消”")), intent, owner);
    }

    /** The wearer's position as the glasses sent it with this utterance: never one remembered from before. */
    private static Intent withPosition(Intent intent, Utterance u) {
        return intent.position().equals(u.optionalPosition()) ? intent
                : intent.toBuilder().position(u.position()).build();
    }

    private static Intent withDevice(Intent intent, String raw, String id) {
        return intent.toBuilder().slot(new Slot("device", "device", raw, id, List.of(id))).build();
    }

    static Response toResponse(SkillResult r, Intent intent, String owner) {
        ResponseStatus status = ResponseStatus.valueOf(r.status().name());
        return new Response(status, r.code(), r.speech(), r.card().orElse(null), intent, owner);
    }

    private static Response failed(Intent intent, FailureCode code, String speech) {
        return new Response(ResponseStatus.FAILED, code, speech, null, intent, DIALOG_OWNER);
    }

    private static Response notUnderstood(String lang, String en, String zh) {
        return new Response(ResponseStatus.NOT_UNDERSTOOD, null, Say.in(lang, en, zh), null, null, null);
    }

    private static String seconds(Duration d) {
        long s = Math.max(1, d.toSeconds());
        return s == 1 ? "1 second" : s + " seconds";
    }

    private static String clip(String s) {
        return s.length() <= Card.MAX_LINE_LENGTH ? s : s.substring(0, Card.MAX_LINE_LENGTH - 1) + "…";
    }

    private static String wearer(Utterance u) {
        return u.wearer() == null || u.wearer().isBlank() ? CONSOLE : u.wearer();
    }

    private static String language(Utterance u) {
        if (u.lang() != null && !u.lang().isBlank()) {
            return u.lang();
        }
        return u.text().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }
}
