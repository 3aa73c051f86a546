package io.sectorsphere.client;

/** The request is invalid: a bad file name, digest or range, found by the client or the node (400, 413). */
public final class BadRequestException extends SectorException {

    public static final int EXIT_CODE = 13;

    public BadRequestException(String message, int status) {
        super(message, status);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
