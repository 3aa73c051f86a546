package io.sectorsphere.storage.files;

/** A file cannot be stored under its name: one exists already, or the name collides with a directory or file. */
public class FileConflictException extends RuntimeException {

    public FileConflictException(String message) {
        super(message);
    }
}
