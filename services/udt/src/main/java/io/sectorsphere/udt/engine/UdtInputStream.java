package io.sectorsphere.udt.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/** Reads a connection's in-order bytes; used by one reading thread at a time. */
final class UdtInputStream extends InputStream {

    private final ReceiveBuffer buffer;
    private final byte[] single = new byte[1];

    UdtInputStream(ReceiveBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public int read() throws IOException {
        return buffer.read(single, 0, 1) < 0 ? -1 : single[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        return length == 0 ? 0 : buffer.read(target, offset, length);
    }

    @Override
    public int available() {
        return buffer.available();
    }
}
