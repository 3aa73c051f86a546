package io.sectorsphere.sphere.worker.coordinator;

/** No job of that id is known to this worker. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String message) {
        super(message);
    }
}
