package io.glint.nlu;

/** A skill definition file that cannot be used; the message says where and what to change. */
public class InvalidSkillSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidSkillSpecException(String message) {
        super(message);
    }
}
