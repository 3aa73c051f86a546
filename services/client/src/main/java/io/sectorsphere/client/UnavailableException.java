package io.sectorsphere.client;

/**
 * The cluster could not answer: the node did not accept a connection, timed out, broke off a
 * transfer, or reported a server error (5xx, 429). Trying again later, or another node, may work.
 */
public final class UnavailableException extends SectorException {

    public static final int EXIT_CODE = 15;

    public UnavailableException(String message, int status, Throwable cause) {
        super(message, status, cause);
    }

    public UnavailableException(String message, int status) {
        this(message, status, null);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
