package io.sectorsphere.chord;

import java.util.List;

/**
 * The live entries under a name, the node that answered, and the number of nodes other than the
 * starting one contacted to find and read them.
 */
public record ReadResult(List<Entry> entries, NodeRef answeredBy, int hops) {

    public ReadResult {
        entries = List.copyOf(entries);
    }
}
