package io.sectorsphere.storage.records;

/** A file held here has no {@code .idx} beside it, so its records cannot be addressed by index. */
public class NoRecordIndexException extends RuntimeException {

    NoRecordIndexException(String message) {
        super(message);
    }
}
