package io.sectorsphere.locator.ring;

/** This locator cannot answer yet: its ring node has not started, or has not joined a ring. */
public class NodeNotReadyException extends RuntimeException {

    public NodeNotReadyException(String message) {
        super(message);
    }
}
