package io.sectorsphere.chord;

import java.util.List;

/**
 * A lookup step for a name's key that, when the answering node owns the key, carries the live
 * entries under the name too: a read in one round trip when the asker already knows the owner.
 *
 * @param ownerEntries the answering node's live entries under the name if it named itself owner,
 *     else empty
 */
public record ReadStep(LookupStep step, List<Entry> ownerEntries) {

    public ReadStep {
        ownerEntries = List.copyOf(ownerEntries);
    }

    /** A step that carries no entries. */
    public static ReadStep of(LookupStep step) {
        return new ReadStep(step, List.of());
    }
}
