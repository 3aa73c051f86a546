package io.sectorsphere.sphere.worker.coordinator;

/** A job names input that no storage node holds. */
public class InputNotFoundException extends RuntimeException {

    public InputNotFoundException(String message) {
        super(message);
    }
}
