package io.glint.driver.virtual.internal;

import java.util.List;

/**
 * A home file that cannot be used. The message names the file, each wrong device or room and field, and what to
 * change; it is written for the person editing the file.
 */
final class HomeFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    HomeFileException(String source, List<String> problems) {
        super(message(source, problems));
        this.problems = List.copyOf(problems);
    }

    HomeFileException(String source, String problem, Throwable cause) {
        super(message(source, List.of(problem)), cause);
        this.problems = List.of(problem);
    }

    /** Each problem on its own, without the file name. */
    List<String> problems() {
        return problems;
    }

    private static String message(String source, List<String> problems) {
        if (problems.size() == 1) {
            return "Home file " + source + ": " + problems.get(0);
        }
        StringBuilder b = new StringBuilder("Home file " + source + " has " + problems.size() + " problems:");
        problems.forEach(p -> b.append("\n - ").append(p));
        return b.toString();
    }
}
