package io.sectorsphere.sphere.worker.coordinator;

/** A job's output prefix already holds files. */
public class OutputExistsException extends RuntimeException {

    public OutputExistsException(String message) {
        super(message);
    }
}
