package io.glint.bridge.protocol;

import java.util.List;

/** What the glasses display: a title and at most three short lines. */
public record CardMessage(String title, List<String> lines) {
}
