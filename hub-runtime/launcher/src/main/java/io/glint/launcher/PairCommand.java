package io.glint.launcher;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import io.glint.bridge.pairing.Pair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pair", mixinStandardHelpOptions = true,
        description = { "Pairs a pair of glasses: creates the identity NAME with a random key, stores it in the "
                + "pairing file (data/glasses-pairs.json, readable by its owner only) and shows both, as text and "
                + "as a QR code. A running hub accepts the glasses at once.",
            "Test it: coap-client-openssl -m post -t json -u NAME -k KEY "
                + "-e '{\"text\":\"turn on the kitchen light\",\"lang\":\"en\",\"ts\":'$(date +%s%3N)'}' "
                + "coaps://127.0.0.1:5684/v1/utterances" },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = { "0:paired", "1:the pairing file cannot be written", "2:bad name, or NAME is paired already" })
final class PairCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", description = "The glasses' identity: letters, digits, '.', '_' or '-'.")
    String name;

    @Option(names = "--json", description = "Print only {\"identity\",\"key\"}.")
    boolean json;

    @Option(names = "--replace", description = "Give NAME a new key (disconnects the glasses holding the old one).")
    boolean replace;

    @Option(names = "--no-qr", description = "Do not print the QR code.")
    boolean noQr;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintStream out = Output.claimStdout();
        Output.configureLogging(false, main.logLevel, "warn");
        BridgeConf conf = BridgeConf.read(main.home());
        Pair pair;
        try {
            pair = conf.store().pair(name, replace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("identity", pair.identity());
        credentials.put("key", pair.key());
        if (json) {
            out.println(io.glint.bridge.protocol.Codec.toJson(credentials));
        } else {
            InetSocketAddressText hub = new InetSocketAddressText(conf.host(), conf.port());
            out.println("Paired \"" + pair.identity() + "\" (pairing file " + conf.pairingFile() + ")");
            out.println("  identity: " + pair.identity());
            out.println("  key:      " + pair.key());
            out.println("  hub:      " + hub);
            if (!noQr) {
                Map<String, String> qr = new LinkedHashMap<>(credentials);
                qr.put("hub", hub.toString());
                out.println();
                out.print(QrCode.render(io.glint.bridge.protocol.Codec.toJson(qr)));
            }
            out.println();
            out.println("Try it: glint say --identity " + pair.identity() + " \"turn on the kitchen light\"");
        }
        out.flush();
        return 0;
    }

    /** coaps://HOST:PORT as the glasses should dial it. */
    record InetSocketAddressText(String host, int port) {
        @Override
        public String toString() {
            return "coaps://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }
}
