package io.sectorsphere.transfer.client;

import io.sectorsphere.transfer.protocol.Status;
import java.io.IOException;

/** The peer answered a request with an error status; the connection itself is still usable. */
public class TransferRefusedException extends IOException {

    private final Status status;

    public TransferRefusedException(Status status, String message) {
        super(status + (message.isEmpty() ? "" : ": " + message));
        this.status = status;
    }

    public Status status() {
        return status;
    }
}
