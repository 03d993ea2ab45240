package io.glint.skill.phone.internal;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.glint.api.device.Attributes;
import io.glint.api.device.Availability;
import io.glint.api.device.Capability;
import io.glint.api.device.Command;
import io.glint.api.device.CommandResult;
import io.glint.api.device.Device;
import io.glint.api.device.DeviceType;
import io.glint.api.device.Devices;
import io.glint.api.skill.Card;
import io.glint.api.skill.FailureCode;
import io.glint.api.skill.Intent;
import io.glint.api.skill.Skill;
import io.glint.api.skill.SkillDefinition;
import io.glint.api.skill.SkillResult;
import io.glint.api.skill.Slot;

/**
 * Calls, text messages and finding the phone, through the wearer's phone as the phone driver shows it: a
 * {@link DeviceType#PHONE} device with the PHONE capability whose {@code contacts} state lists the people it knows.
 * Whom the wearer means is looked up there ({@link Contacts}); a message goes out as it was said ({@link Spoken}).
 * Answers are short, for the glasses, in the utterance's language.
 */
@Component
@SkillDefinition("glint/phone.json")
public class PhoneSkill implements Skill {
    /** How much of a message the answer repeats. */
    static final int ECHO_CHARS = 60;

    private final Devices devices;

    @Activate
    public PhoneSkill(@Reference Devices devices) {
        this.devices = devices;
    }

    /** The phone, or what to say instead. */
    private record Found(Device phone, SkillResult problem) {
    }

    /** Whom to call or text, or what to say instead. */
    private record Callee(String number, String name, SkillResult problem) {
    }

    @Override
    public SkillResult handle(Intent intent) {
        Found found = phone(intent);
        if (found.problem() != null) {
            return found.problem();
        }
        Device phone = found.phone();
        return switch (intent.name()) {
            case "phone.call" -> call(intent, phone);
            case "phone.message_send" -> message(intent, phone);
            case "phone.find" -> find(intent, phone);
            default -> SkillResult.failed(FailureCode.NOT_SUPPORTED, say(intent,
                    "I can't do that with your phone.", "手机的这个操作我还不会。"));
        };
    }

    private SkillResult call(Intent intent, Device phone) {
        Callee who = callee(intent, phone, intent.slot("contact").map(Slot::raw).orElse(null), false);
        if (who.problem() != null) {
            return who.problem();
        }
        CommandResult r = devices.execute(phone.id(), Command.call(who.number()));
        if (!r.ok()) {
            return failure(intent, phone, r);
        }
        return SkillResult.done(say(intent, "Calling " + who.name() + ".", "正在给" + who.name() + "打电话。"))
                .withCard(Card.of(fit(who.name()), fit(who.number())));
    }

    private static final java.util.regex.Pattern LEAD = java.util.regex.Pattern.compile(
            "^(?:[\\s,:]*(?:that|saying|to say|and say|and tell (?:him|her|them)|说|告诉他|告诉她|一声|一下))*[\\s,:，：]*",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * The message in a sentence understood by meaning ("tell Sarah I'll bring the cake"): what follows the contact's
     * name or alias as said, without a leading "that" / "说"; null when the name is last or not found.
     */
    static String afterName(String sentence, Contacts.Contact who) {
        if (who == null) {
            return null;
        }
        String lower = sentence.toLowerCase(java.util.Locale.ROOT);
        int end = -1;
        for (String name : Contacts.sayable(who)) {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            int at = lower.indexOf(n);
            boolean word = Contacts.hasHan(n) || at >= 0 && (at == 0 || !Character.isLetter(lower.charAt(at - 1)))
                    && (at + n.length() == lower.length() || !Character.isLetter(lower.charAt(at + n.length())));
            if (at >= 0 && word && (end < 0 || at + n.length() > end)) {
                end = at + n.length();
            }
        }
        if (end < 0) {
            return null;
        }
        String rest = LEAD.matcher(sentence.substring(end)).replaceFirst("").strip();
        rest = rest.replaceAll("[.。!！]+$", "");
        return rest.isBlank() ? null : rest;
    }

    private SkillResult message(Intent intent, Device phone) {
        String contact = intent.slot("contact").map(Slot::raw).orElse(null);
        String text = intent.slot("message").map(Slot::raw).orElse(null);
        Contacts contacts = Contacts.of(phone.state(Attributes.CONTACTS));
        if (contact != null && text != null && Contacts.number(contact) == null) {
            // "text Tom Baker I'm late" leaves "Tom" as the contact and "Baker I'm late" as the message: a longer
            // name said in full wins over a first name
            List<String> words = Spoken.tokens(text);
            String sep = Contacts.hasHan(text) ? "" : " ";
            for (int k = Math.min(3, words.size() - 1); k >= 1; k--) {
                String longer = contact + sep + String.join(sep, words.subList(0, k));
                if (contacts.exact(longer).size() == 1) {
                    contact = longer;
                    text = String.join(sep, words.subList(k, words.size()));
                    break;
                }
            }
        }
        Callee who = callee(intent, phone, contact, true);
        if (who.problem() != null) {
            return who.problem();
        }
        if ((text == null || text.isBlank()) && contact == null) {
            text = afterName(intent.text(), contacts.in(intent.text()));
        }
        if (text == null || text.isBlank()) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "What should the message to " + who.name() + " say?", "要给" + who.name() + "发什么内容？"));
        }
        String body = Spoken.original(intent.text(), text);
        if (body.length() > Command.MAX_MESSAGE_LENGTH) {
            return SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "That message is too long to send; say a shorter one.", "消息太长了，请说短一点。"));
        }
        CommandResult r = devices.execute(phone.id(), Command.message(who.number(), body));
        if (!r.ok()) {
            return failure(intent, phone, r);
        }
        String echo = body.length() > ECHO_CHARS ? body.substring(0, ECHO_CHARS - 1) + "…" : body;
        return SkillResult.done(say(intent, "Sent to " + who.name() + ": " + echo,
                "已发给" + who.name() + "：" + echo)).withCard(Card.of(fit(who.name()), fit(body)));
    }

    private SkillResult find(Intent intent, Device phone) {
        CommandResult r = devices.execute(phone.id(), Command.ring());
        if (!r.ok()) {
            return failure(intent, phone, r);
        }
        return SkillResult.done(say(intent, "Ringing your phone now.", "正在让你的手机响铃。"));
    }

    /** The number for what the wearer said: a contact by name or alias, or digits said as a number. */
    private Callee callee(Intent intent, Device phone, String said, boolean forMessage) {
        Contacts contacts = Contacts.of(phone.state(Attributes.CONTACTS));
        if (said != null && Contacts.number(said) != null) {
            String n = Contacts.number(said);
            return new Callee(n, n, null);
        }
        if (contacts.isEmpty()) {
            return new Callee(null, null, SkillResult.failed(FailureCode.NOT_SUPPORTED, say(intent,
                    "Your phone hasn't shared its contacts. Allow contacts in the Glint app on the phone.",
                    "手机还没有共享通讯录。请在手机上的Glint应用里允许访问通讯录。")));
        }
        if (said == null || said.isBlank()) {
            Contacts.Contact named = contacts.in(intent.text());
            if (named == null) {
                return new Callee(null, null, SkillResult.failed(FailureCode.INVALID_VALUE, forMessage
                        ? say(intent, "Who should I send it to?", "要发给谁？")
                        : say(intent, "Who should I call?", "要给谁打电话？")));
            }
            return new Callee(named.number(), named.say(intent.lang()), null);
        }
        Contacts.Lookup lookup = contacts.find(said);
        if (lookup.matches().isEmpty()) {
            String who = Spoken.original(intent.text(), said);
            return new Callee(null, null, SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "There's no " + who + " in your contacts.", "通讯录里没有" + who + "。")));
        }
        if (!lookup.found()) {
            List<String> names = lookup.matches().stream().map(c -> c.say(intent.lang())).distinct().toList();
            List<String> shown = names.size() > 3 ? names.subList(0, 3) : names;
            String who = Spoken.original(intent.text(), said);
            return new Callee(null, null, SkillResult.failed(FailureCode.INVALID_VALUE, say(intent,
                    "Which " + who + ": " + String.join(", ", shown.subList(0, shown.size() - 1)) + " or "
                            + shown.get(shown.size() - 1) + (names.size() > 3 ? ", or someone else" : "") + "?",
                    "哪一位" + who + "：" + String.join("、", shown.subList(0, shown.size() - 1)) + "还是"
                            + shown.get(shown.size() - 1) + (names.size() > 3 ? "，或者别人" : "") + "？")));
        }
        return new Callee(lookup.contact().number(), lookup.contact().say(intent.lang()), null);
    }

    /** The wearer's phone: the only one, else the only one online; several online ones are asked about. */
    private Found phone(Intent intent) {
        List<Device> phones = devices.all().stream()
                .filter(d -> d.type() == DeviceType.PHONE && d.has(Capability.PHONE)).toList();
        if (phones.isEmpty()) {
            return new Found(null, SkillResult.failed(FailureCode.NO_DEVICE, say(intent,
                    "No phone is connected. Open the Glint app on your phone to connect it.",
                    "还没有连接手机。请在手机上打开Glint应用。")));
        }
        List<Device> online = phones.stream().filter(d -> d.availability() != Availability.OFFLINE).toList();
        if (online.isEmpty()) {
            Device p = phones.get(0);
            String reason = p.availabilityReason();
            return new Found(null, SkillResult.failed(FailureCode.DEVICE_UNREACHABLE, say(intent,
                    "Your phone isn't connected" + (reason == null ? "" : ": " + reason)
                            + ". Check that the Glint app is running on it.",
                    "你的手机没有连接。请确认手机上的Glint应用正在运行。")));
        }
        if (online.size() > 1) {
            String en = String.join(" or ", online.stream().map(d -> d.nameIn("en")).toList());
            String zh = String.join("还是", online.stream().map(d -> d.nameIn("zh")).toList());
            return new Found(null, SkillResult.failed(FailureCode.AMBIGUOUS_DEVICE, say(intent,
                    "Which phone: " + en + "?", "哪部手机：" + zh + "？")));
        }
        return new Found(online.get(0), null);
    }

    /** What the phone or the hub said went wrong, in the wearer's language. */
    private SkillResult failure(Intent intent, Device phone, CommandResult r) {
        if (r.code() == FailureCode.CONFIRMATION_REQUIRED) {
            return SkillResult.failed(FailureCode.CONFIRMATION_REQUIRED, r.reason());
        }
        String reason = r.reason() == null || r.reason().isBlank() ? "your phone did not answer" : r.reason();
        if (reason.startsWith("The " + phone.name() + " ") && Character.isUpperCase(phone.name().charAt(0))) {
            // "The Anna's phone did not answer": a phone's name is a proper name
            reason = reason.substring(4);
        }
        String en = Character.toUpperCase(reason.charAt(0)) + reason.substring(1)
                + (reason.endsWith(".") ? "" : ".");
        Optional<Device> now = devices.get(phone.id());
        boolean inCall = now.map(d -> Boolean.TRUE.equals(d.state("in_call"))).orElse(false);
        String zh = switch (r.code()) {
            case NOT_ALLOWED -> "手机上的Glint应用没有这个权限，或者需要你在手机上确认。";
            case INVALID_VALUE -> "手机无法拨通这个号码，请检查通讯录里的号码。";
            case NOT_SUPPORTED -> "这部手机不支持这个操作。";
            case NO_DEVICE -> "找不到这部手机了，请重新连接Glint应用。";
            default -> inCall ? "手机正在通话中。" : "手机没有响应，请确认手机上的Glint应用正在运行。";
        };
        return SkillResult.failed(r.code(), say(intent, en, zh));
    }

    private static String say(Intent intent, String en, String zh) {
        return "zh".equals(intent.lang()) ? zh : en;
    }

    private static String fit(String line) {
        return line.length() > Card.MAX_LINE_LENGTH ? line.substring(0, Card.MAX_LINE_LENGTH - 1) + "…" : line;
    }
}
