package io.sectorsphere.client;

/** The caller may not do this: no token, a wrong token, or an address not allowed to write (401, 403). */
public final class DeniedException extends SectorException {

    public static final int EXIT_CODE = 11;

    public DeniedException(String message, int status) {
        super(message, status);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
