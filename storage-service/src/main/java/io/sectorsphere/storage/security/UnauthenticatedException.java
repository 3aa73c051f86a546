package io.sectorsphere.storage.security;

/** A read without a valid account token on a node whose reads require one. */
public class UnauthenticatedException extends RuntimeException {

    UnauthenticatedException(String message) {
        super(message);
    }
}
