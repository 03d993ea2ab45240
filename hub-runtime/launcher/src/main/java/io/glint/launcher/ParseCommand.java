package io.glint.launcher;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.glint.api.skill.Intent;
import io.glint.api.skill.Slot;
import io.glint.api.voice.Assistant;
import io.glint.api.voice.Utterance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Shows the intent and slots the hub understands in TEXT, without acting on it.")
final class ParseCommand implements Callable<Integer> {
    static final int NOT_UNDERSTOOD = 1;

    @Option(names = "--json", description = "Print {\"text\",\"intent\",\"slots\",\"confidence\"}.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The utterance (several words are joined).")
    List<String> words;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        PrintStream answers = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "warn");
        Home home = main.home();
        String text = String.join(" ", words).strip();
        Optional<Intent> intent;
        try (Hub hub = Hub.boot(home, false)) {
            Assistant assistant = Main.awaitReady(hub);
            intent = assistant.understand(new Utterance(text, null, Conversation.WEARER, null));
        }
        answers.println(json ? Json.write(Json.parse(text, intent)) : plain(intent));
        answers.flush();
        return intent.isPresent() ? 0 : NOT_UNDERSTOOD;
    }

    static String plain(Optional<Intent> understood) {
        if (understood.isEmpty()) {
            return "not understood";
        }
        Intent intent = understood.get();
        StringBuilder sb = new StringBuilder("intent: ").append(intent.name()).append(String.format(Locale.ROOT,
                " (confidence %.2f, %s)", intent.confidence(), intent.lang()));
        for (Slot slot : intent.slots().values()) {
            String value = slot.value() != null ? slot.value()
                    : slot.candidates().isEmpty() ? "?" : "one of " + slot.candidates();
            sb.append(System.lineSeparator()).append("  ").append(slot.name()).append(" = ").append(value)
                    .append(" (").append(slot.type()).append(", said \"").append(slot.raw()).append("\")");
        }
        return sb.toString();
    }
}
