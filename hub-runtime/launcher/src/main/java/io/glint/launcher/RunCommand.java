package io.glint.launcher;

import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the hub as a service, logging to stdout, until SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        Output.configureLogging(true, main.logLevel, "info");
        Logger log = LoggerFactory.getLogger("io.glint.launcher");
        Home home = main.home();
        Hub hub = Hub.boot(home, true);
        Runtime.getRuntime().addShutdownHook(new Thread(hub::close, "glint-shutdown"));
        for (Hub.BundleFailure failure : hub.failures()) {
            log.warn("Bundle did not start: {}", failure);
        }
        try {
            Main.awaitReady(hub);
        } catch (HubNotReadyException e) {
            // A service stays up: the missing bundle can still arrive through skills/.
            log.warn("{}{}Glint keeps running; drop the missing bundles into {}", e.getMessage(),
                    System.lineSeparator(), home.skills());
        }
        log.info("Glint is running from {} (hot folder {}, configuration {}). Stop with Ctrl-C.", home.root(),
                home.skills(), home.conf());
        hub.awaitStop();
        return 0;
    }
}
