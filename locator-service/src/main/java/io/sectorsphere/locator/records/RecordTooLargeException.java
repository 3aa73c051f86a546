package io.sectorsphere.locator.records;

/**
 * A location record or node status, or the request carrying it, exceeds
 * {@code sector.locator.records.max-record-bytes}.
 */
public class RecordTooLargeException extends RuntimeException {

    RecordTooLargeException(long limit) {
        super("a location record or node status is at most " + limit + " bytes");
    }
}
