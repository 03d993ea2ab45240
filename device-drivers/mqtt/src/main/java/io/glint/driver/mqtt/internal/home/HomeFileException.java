package io.glint.driver.mqtt.internal.home;

import java.util.List;

/** A home file that cannot be used, with every problem found in it. */
public final class HomeFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public HomeFileException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
    }

    public HomeFileException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
