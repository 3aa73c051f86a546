package io.sectorsphere.client;

/** No such file, or no live replica of it (404). */
public final class NotFoundException extends SectorException {

    public static final int EXIT_CODE = 10;

    public NotFoundException(String message, int status) {
        super(message, status);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
