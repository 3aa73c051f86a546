package io.sectorsphere.transfer.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** A connection whose transport gives plain streams: both buffered, so frames go out in few writes. */
abstract class BufferedDataConnection implements DataConnection {

    private static final int STREAM_BUFFER = 64 << 10;

    private final InputStream input;
    private final OutputStream output;

    BufferedDataConnection(InputStream input, OutputStream output) {
        this.input = new BufferedInputStream(input, STREAM_BUFFER);
        this.output = new BufferedOutputStream(output, STREAM_BUFFER);
    }

    @Override
    public final InputStream input() {
        return input;
    }

    @Override
    public final OutputStream output() {
        return output;
    }
}
