package io.sectorsphere.transfer.protocol;

import java.io.IOException;

/** A frame that is truncated, oversized or not of this protocol; the connection cannot be used further. */
public class ProtocolException extends IOException {

    public ProtocolException(String message) {
        super(message);
    }
}
