package io.sectorsphere.client;

/** The node has no room for the file (507). */
public final class InsufficientStorageException extends SectorException {

    public static final int EXIT_CODE = 14;

    public InsufficientStorageException(String message, int status) {
        super(message, status);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
