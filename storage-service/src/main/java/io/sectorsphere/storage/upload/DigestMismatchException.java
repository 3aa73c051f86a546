package io.sectorsphere.storage.upload;

/** The bytes received do not have the digest the sender declared for them. */
public class DigestMismatchException extends RuntimeException {

    DigestMismatchException(String message) {
        super(message);
    }
}
