package io.sectorsphere.storage.publish;

/** The locator could not be asked, or did not give a usable answer. */
public class LocatorUnavailableException extends RuntimeException {

    public LocatorUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
