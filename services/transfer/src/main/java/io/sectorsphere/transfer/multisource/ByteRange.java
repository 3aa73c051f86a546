package io.sectorsphere.transfer.multisource;

/** The bytes {@code [offset, offset + length)} of a file. */
public record ByteRange(long offset, long length) {

    public ByteRange {
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("a range starts at 0 or later and is not empty");
        }
    }

    public long end() {
        return offset + length;
    }
}
