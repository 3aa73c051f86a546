package io.sectorsphere.client;

/**
 * The bytes received do not have the checksum the file's record names: corrupted in transit or on
 * disk, or the file changed during the download. A download to a file keeps nothing of it.
 */
public final class ChecksumMismatchException extends SectorException {

    public static final int EXIT_CODE = 16;

    private final String expected;
    private final String actual;

    public ChecksumMismatchException(String name, String expected, String actual) {
        super(name + ": received content has checksum " + actual + ", the record names " + expected, 0);
        this.expected = expected;
        this.actual = actual;
    }

    /** The checksum of the file's record, {@code sha256:<hex>}. */
    public String expected() {
        return expected;
    }

    /** The checksum of what was received, {@code sha256:<hex>}. */
    public String actual() {
        return actual;
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
