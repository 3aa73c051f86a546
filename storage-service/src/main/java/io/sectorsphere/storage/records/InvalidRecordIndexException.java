package io.sectorsphere.storage.records;

/** A file's {@code .idx} does not describe it: wrong size, offsets out of order or beyond the file. */
public class InvalidRecordIndexException extends RuntimeException {

    InvalidRecordIndexException(String message) {
        super(message);
    }
}
