package io.sectorsphere.chord;

/** A node refused to store an entry because it holds its configured maximum. */
public class StoreFullException extends RuntimeException {

    public StoreFullException(String message) {
        super(message);
    }
}
