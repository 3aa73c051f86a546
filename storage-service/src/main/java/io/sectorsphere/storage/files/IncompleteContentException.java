package io.sectorsphere.storage.files;

/** The bytes of a file stopped arriving before it was complete: the sender went away or sent less than it declared. */
public class IncompleteContentException extends RuntimeException {

    public IncompleteContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
