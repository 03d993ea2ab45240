package io.glint.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import io.glint.api.device.DeviceListener;
import io.glint.api.voice.Assistant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = { "Boots the hub with the simulated home and answers what you type, one utterance per line.",
                "Blank lines and lines starting with # are skipped. Ends at end of input." })
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--json", description = "One JSON object per utterance on stdout, and nothing else.")
    boolean json;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        PrintStream answers = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "warn");
        Home home = main.home();
        // the demo speaks as paired glasses through the hub's bridge (DemoGlasses), as real glasses would
        try (DemoGlasses glasses = DemoGlasses.prepare(); Hub hub = Hub.boot(home, false)) {
            ChangeRecorder recorder = new ChangeRecorder();
            hub.register(DeviceListener.class, recorder);
            Assistant assistant = Main.awaitReady(hub);
            Turns turns = glasses.connect(hub, assistant);
            boolean interactive = !json && Main.interactive();
            TurnPrinter printer = json ? new JsonTurnPrinter(answers) : new PlainTurnPrinter(answers, interactive);
            if (interactive) {
                answers.println("Say something, e.g. \"turn on the kitchen light\". Ctrl-D ends the demo.");
            }
            new Conversation(turns, recorder, printer)
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        }
        return 0;
    }
}
