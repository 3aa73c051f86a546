package io.sectorsphere.sphere.worker.cluster;

/** A storage node refused to store job output (no permission, no space, a name taken). */
public class OutputRefusedException extends RuntimeException {

    public OutputRefusedException(String message) {
        super(message);
    }
}
