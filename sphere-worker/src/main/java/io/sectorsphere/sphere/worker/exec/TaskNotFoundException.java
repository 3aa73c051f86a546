package io.sectorsphere.sphere.worker.exec;

/** No attempt of that id has finished on this worker. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String message) {
        super(message);
    }
}
