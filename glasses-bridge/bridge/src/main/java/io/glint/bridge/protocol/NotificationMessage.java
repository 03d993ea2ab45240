package io.glint.bridge.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The representation of {@code /v1/notifications} for one pair of glasses: the notification to show now, or
 * none ({@code id} absent) when nothing is pending.
 *
 * @param id       acknowledge it with {@code POST /v1/notifications/{id}/ack}
 * @param priority LOW, NORMAL, HIGH or URGENT
 * @param speech   what the glasses say
 * @param card     what the glasses show, or null
 * @param raised   when the hub raised it, milliseconds since the epoch
 * @param pending  how many more unacknowledged notifications wait behind this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationMessage(String id, String priority, String speech, CardMessage card, Long raised,
        int pending) {

    public static NotificationMessage none() {
        return new NotificationMessage(null, null, null, null, null, 0);
    }

    public boolean empty() {
        return id == null;
    }
}
