package io.glint.launcher;

import java.io.PrintStream;
import java.util.concurrent.Callable;

import io.glint.bridge.pairing.PairingStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "unpair", mixinStandardHelpOptions = true,
        description = "Revokes a pair of glasses: removes NAME from the pairing file. A running hub refuses it at once "
                + "and closes its open DTLS sessions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:unpaired", "1:the pairing file cannot be written", "2:NAME is not paired" })
final class UnpairCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The glasses' identity, as given to glint pair.")
    String name;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "warn");
        PairingStore store = BridgeConf.read(main.home()).store();
        if (!store.unpair(name)) {
            throw new ParameterException(spec.commandLine(), "\"" + name + "\" is not paired. Paired: "
                    + (store.pairs().isEmpty() ? "none" : String.join(", ", store.pairs().keySet())));
        }
        out.println("Unpaired \"" + name + "\": the hub no longer accepts these glasses.");
        out.flush();
        return 0;
    }
}
