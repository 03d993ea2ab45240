package io.glint.launcher;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.glint.api.voice.Assistant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code glint [--home DIR] demo|parse|nlu-eval|run}: boots the hub in an embedded Felix and talks to it through
 * the same {@link Assistant} interface the glasses bridge uses.
 */
@Command(name = "glint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Glint, the voice hub for AI glasses.",
        subcommands = { DemoCommand.class, ParseCommand.class, NluEvalCommand.class, RunCommand.class,
            PairCommand.class, UnpairCommand.class, SayCommand.class, GlassesCommand.class,
            CommandLine.HelpCommand.class },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:done", "1:not understood (parse) or an unexpected error",
                "2:bad command line (or nlu-eval input)", "3:the hub did not become ready for voice" })
public final class Main implements Callable<Integer> {

    static final int NOT_READY = 3;
    /** How long to wait for the hub; the glint.ready.timeout.seconds system property shortens it for tests. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(Integer.getInteger("glint.ready.timeout.seconds", 20));

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The distribution folder (bin/, lib/, bundle/, conf/, skills/). "
                    + "Default: the glint.home system property, else the folder above the launcher's lib/.")
    Path home;

    @Option(names = "--log-level", scope = ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "trace, debug, info, warn or error. "
                    + "Default: warn for demo, parse and nlu-eval, info for run.")
    String logLevel;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        // Felix and SCR leave non-daemon threads behind when a command ends: exit explicitly.
        System.exit(run(args));
    }

    static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler(Main::handle);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command: demo, parse, nlu-eval or run");
    }

    Home home() {
        try {
            return Home.locate(home).validate();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Waits for the hub and reports the boot time; the caller turns a timeout into exit code 3. */
    static Assistant awaitReady(Hub hub) throws HubNotReadyException, InterruptedException {
        Assistant assistant = hub.awaitReady(READY_TIMEOUT);
        // Starting leaves garbage (bundle scans, JSON, the models' loading) that would otherwise keep the heap at
        // its start-up size; one full collection now lets the collector give those pages back (bin/glint's
        // MaxHeapFreeRatio), ~10 MiB on a gateway, for a pause of a few tens of milliseconds before serving.
        System.gc();
        long rss = BootClock.residentMebibytes();
        System.err.println("Glint ready for voice in " + BootClock.millisSinceJvmStart() + " ms"
                + (rss < 0 ? "" : ", resident memory " + rss + " MiB"));
        return assistant;
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof HubNotReadyException) {
            err.println(e.getMessage());
            err.flush();
            return NOT_READY;
        }
        err.println("Glint failed: " + Hub.message(e));
        e.printStackTrace(err);
        err.flush();
        return 1;
    }

    /** True when a person types at a terminal (JDK 22+ also returns a Console when stdin is a pipe). */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] { "Glint " + (v != null ? v : "(development build)") };
        }
    }
}
