package io.glint.core.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.SkillResult;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Response;
import io.glint.api.voice.ResponseStatus;
import io.glint.api.voice.Utterance;
import io.glint.nlu.Nlu;

/** Understand, then dispatch. Whatever goes wrong, the wearer hears a sentence and the hub keeps serving. */
@Component(service = Assistant.class)
public class AssistantService implements Assistant {
    private static final Logger LOG = LoggerFactory.getLogger(AssistantService.class);
    /** Longer than any command; a recogniser that sends more has captured a conversation, not a command. */
    static final int MAX_UTTERANCE_CHARS = 500;

    private final Nlu nlu;
    private final IntentDispatcher dispatcher;

    @Activate
    public AssistantService(@Reference Nlu nlu, @Reference Dispatcher dispatcher) {
        this(nlu, (IntentDispatcher) dispatcher);
    }

    public AssistantService(Nlu nlu, IntentDispatcher dispatcher) {
        this.nlu = nlu;
        this.dispatcher = dispatcher;
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
        try {
            Optional<Intent> intent = nlu.parse(utterance);
            if (intent.isEmpty()) {
                return notUnderstood(lang, "Sorry, I can't help with that: no installed skill understands it.",
                        "抱歉，我帮不上忙：没有已安装的技能能理解这句话。");
            }
            SkillCatalog.Dispatch d = dispatcher.dispatch(intent.get());
            return toResponse(d.result(), intent.get(), d.owner());
        } catch (RuntimeException e) {
            LOG.error("The hub failed on \"{}\"", utterance.text(), e);
            return new Response(ResponseStatus.FAILED, FailureCode.SKILL_ERROR, Say.in(lang,
                    "Something went wrong in the hub; nothing was changed.", "系统出错了，没有做任何更改。"), null, null,
                    null);
        }
    }

    @Override
    public Optional<Intent> understand(Utterance utterance) {
        if (utterance.text().isBlank() || utterance.text().length() > MAX_UTTERANCE_CHARS) {
            return Optional.empty();
        }
        return nlu.parse(utterance);
    }

    static Response toResponse(SkillResult r, Intent intent, String owner) {
        ResponseStatus status = ResponseStatus.valueOf(r.status().name());
        return new Response(status, r.code(), r.speech(), r.card().orElse(null), intent, owner);
    }

    private static Response notUnderstood(String lang, String en, String zh) {
        return new Response(ResponseStatus.NOT_UNDERSTOOD, null, Say.in(lang, en, zh), null, null, null);
    }

    private static String language(Utterance u) {
        if (u.lang() != null && !u.lang().isBlank()) {
            return u.lang();
        }
        return u.text().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
                ? "zh" : "en";
    }
}
