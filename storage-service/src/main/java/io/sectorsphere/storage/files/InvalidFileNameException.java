package io.sectorsphere.storage.files;

/** A name that is valid in Sector but cannot be used here: reserved, or not storable on this node. */
public class InvalidFileNameException extends IllegalArgumentException {

    public InvalidFileNameException(String message) {
        super(message);
    }
}
