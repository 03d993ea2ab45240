package io.glint.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import io.glint.bridge.client.GlassesClient;
import io.glint.bridge.client.GlassesException;
import io.glint.bridge.protocol.NotificationMessage;
import io.glint.bridge.protocol.UtteranceReply;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "glasses", mixinStandardHelpOptions = true,
        description = { "A pair of glasses, simulated: talks to the running hub over CoAP/DTLS as NAME (paired with "
                + "glint pair NAME), line by line, and shows the hub's notifications as they arrive.",
            "Type what the wearer says; /ack acknowledges the notification shown, /quit (or end of input) ends." })
final class GlassesCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The paired glasses' identity.")
    String name;

    @Mixin
    GlassesOptions glasses;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "error");
        GlassesClient client;
        try {
            client = glasses.connect(main.home(), name);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        AtomicReference<String> shown = new AtomicReference<>();
        boolean interactive = Main.interactive();
        try (client) {
            client.observe(n -> {
                synchronized (out) {
                    shown.set(n.id());
                    if (!n.empty()) {
                        out.println(notification(n));
                        out.flush();
                    }
                }
            }, error -> {
                synchronized (out) {
                    out.println("(notifications: " + error + ")");
                    out.flush();
                }
            });
            out.println("Glasses \"" + name + "\" connected. Type what the wearer says; /ack, /quit.");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (true) {
                if (interactive) {
                    out.print(name + "> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null || line.strip().equals("/quit")) {
                    return 0;
                }
                line = line.strip();
                if (line.isEmpty()) {
                    continue;
                }
                try {
                    if (line.equals("/ack")) {
                        String id = shown.get();
                        out.println(id == null ? "(no notification to acknowledge)"
                                : client.ack(id) ? "(acknowledged " + id + ")" : "(the hub no longer has " + id + ")");
                    } else {
                        UtteranceReply reply = client.say(line, SayCommand.language(line), null);
                        synchronized (out) {
                            out.println("glint> " + SayCommand.plain(reply));
                        }
                    }
                } catch (GlassesException e) {
                    out.println("(the hub refused: " + e.getMessage() + ")");
                }
                out.flush();
            }
        } catch (GlassesException e) {
            System.err.println("glint glasses: " + e.getMessage());
            return SayCommand.REFUSED;
        }
    }

    static String notification(NotificationMessage n) {
        StringBuilder sb = new StringBuilder("[notification ").append(n.priority()).append(" ").append(n.id())
                .append("] ").append(n.speech());
        if (n.card() != null) {
            sb.append(" [").append(n.card().title()).append(": ").append(String.join(" / ", n.card().lines()))
                    .append("]");
        }
        if (n.pending() > 0) {
            sb.append(" (+").append(n.pending()).append(" more)");
        }
        return sb.toString();
    }
}
