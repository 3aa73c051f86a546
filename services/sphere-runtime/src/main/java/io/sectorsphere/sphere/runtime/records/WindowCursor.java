package io.sectorsphere.sphere.runtime.records;

import java.io.IOException;

/**
 * What the cursors share: the current record is {@code length} bytes at {@code index} of the data
 * window's buffer, and {@code position} is where the next one starts.
 */
abstract class WindowCursor implements RecordCursor {

    final FileWindow window;
    long position;
    private int index;
    private int length;

    WindowCursor(FileWindow window) {
        this.window = window;
    }

    /** The record just read lies at {@code index} of the buffer and takes {@code length} bytes. */
    final void current(int index, int length) {
        this.index = index;
        this.length = length;
    }

    @Override
    public final long position() {
        return position;
    }

    @Override
    public final byte[] buffer() {
        return window.buffer();
    }

    @Override
    public final int offset() {
        return index;
    }

    @Override
    public final int length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        window.close();
    }
}
