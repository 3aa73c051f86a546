package io.sectorsphere.udt;

import java.io.IOException;

/** A UDT connection failed: rejected, timed out, broken by the peer's silence, or closed. */
public class UdtException extends IOException {

    public UdtException(String message) {
        super(message);
    }

    public UdtException(String message, Throwable cause) {
        super(message, cause);
    }
}
