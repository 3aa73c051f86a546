package io.sectorsphere.client;

/**
 * A request to the cluster failed. Subclasses name the kind of failure, each with an exit code the
 * {@code sector} command ends with, stable across versions so that scripts can tell them apart
 * (the command's own codes lie below 10). This class itself stands for an answer the client does
 * not understand, such as an unexpected status.
 */
public class SectorException extends RuntimeException {

    public static final int EXIT_CODE = 1;

    private final int status;

    /**
     * @param status the HTTP status that carried the failure, or 0 if none did (the cluster could
     *     not be reached, or the client found the problem itself)
     */
    public SectorException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public SectorException(String message, int status) {
        this(message, status, null);
    }

    /** The HTTP status of the failed answer, or 0 if there was none. */
    public int status() {
        return status;
    }

    public int exitCode() {
        return EXIT_CODE;
    }
}
