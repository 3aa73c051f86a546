package io.sectorsphere.sphere.worker.coordinator;

/** A job cannot finish: a segment failed every attempt, or the cluster cannot run it. */
class JobFailedException extends RuntimeException {

    JobFailedException(String message) {
        super(message);
    }
}
