package io.sectorsphere.cli;

import io.sectorsphere.client.ConflictException;
import io.sectorsphere.client.DeniedException;
import io.sectorsphere.client.SectorException;

/**
 * Adds what to do on the command line to a refused write: the node's message speaks HTTP
 * ({@code overwrite=true}, bearer tokens), the user needs the option or variable.
 */
final class WriteHints {

    private WriteHints() {
    }

    /** @param token the token the request carried, or null */
    static SectorException explain(SectorException e, String token) {
        if (e instanceof DeniedException && token == null) {
            return new DeniedException(e.getMessage() + "; no token was given: set SECTOR_TOKEN or use --token",
                    e.status());
        }
        return e;
    }

    static SectorException explainConflict(ConflictException e) {
        return new ConflictException(e.getMessage() + "; use --overwrite to replace it", e.status());
    }
}
