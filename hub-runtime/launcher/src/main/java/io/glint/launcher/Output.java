package io.glint.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Decides where output goes before anything logs. The answers of demo and parse own standard output; Felix,
 * FileInstall and SCR print to {@code System.out} when they have no log service, so for those commands
 * {@code System.out} is pointed at standard error and only the launcher keeps a handle on the real one.
 */
final class Output {
    private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.";

    private Output() {
    }

    /** The real standard output, in UTF-8 whatever the platform encoding (utterances may be Chinese). */
    static PrintStream claimStdout() {
        PrintStream answers = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        return answers;
    }

    /**
     * Configures slf4j-simple (which reads system properties once, at the first logger), leaving alone anything
     * set with -D on the command line.
     *
     * @param toStdout  true for the service (run), false when stdout carries answers
     * @param level     trace, debug, info, warn or error; null for the command's default
     * @param fallback  the command's default level
     */
    static void configureLogging(boolean toStdout, String level, String fallback) {
        setDefault("logFile", toStdout ? "System.out" : "System.err");
        if (level != null) {
            System.setProperty(SIMPLE_LOGGER + "defaultLogLevel", level);
        } else {
            setDefault("defaultLogLevel", fallback);
        }
        setDefault("showDateTime", Boolean.toString(toStdout));
        setDefault("dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("showThreadName", "false");
        setDefault("showShortLogName", "true");
        // DJL narrates every model load, and ONNX Runtime warns at every start that there is no GPU
        setDefault("log.ai.djl", "warn");
        setDefault("log.ai.djl.onnxruntime.engine.OrtEngine", "error");
        // The embedded MQTT broker (Moquette) logs every packet it passes at info; Glint says what matters about it
        setDefault("log.io.moquette", "warn");
        setDefault("log.io.netty", "warn");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(SIMPLE_LOGGER + key) == null) {
            System.setProperty(SIMPLE_LOGGER + key, value);
        }
    }
}
