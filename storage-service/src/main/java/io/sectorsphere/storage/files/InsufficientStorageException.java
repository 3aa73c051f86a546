package io.sectorsphere.storage.files;

/** Storing a file would exceed this node's capacity, or the disk itself is full. */
public class InsufficientStorageException extends RuntimeException {

    public InsufficientStorageException(String message) {
        super(message);
    }

    public InsufficientStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
