package io.sectorsphere.client;

/** The file exists and overwriting was not asked for, or it changed under the request (409, 412). */
public final class ConflictException extends SectorException {

    public static final int EXIT_CODE = 12;

    public ConflictException(String message, int status) {
        super(message, status);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
