package io.glint.api.notify;

/** How much a notification may interrupt the wearer. */
public enum Priority {
    /** Shown when the wearer looks; held during quiet hours. */
    LOW,
    /** Spoken; held during quiet hours. */
    NORMAL,
    /** Spoken at once, also during quiet hours (a door left unlocked, a lock or garage door that went offline). */
    HIGH,
    /** Spoken at once, before anything else that is pending (smoke, water leak). */
    URGENT
}
