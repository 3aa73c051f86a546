package io.sectorsphere.sphere.runtime.records;

import io.sectorsphere.sphere.api.Records;
import java.io.Closeable;

/** A {@link Records} cursor over part of a local file, holding the file open until closed. */
public interface RecordCursor extends Records, Closeable {

    /**
     * The file offset where the next record starts: just past the current record after {@link
     * #next()}, the first record's start before it. A cursor opened at this offset goes on from there,
     * so a run of records can be cut off and resumed (records per unit, progress in bytes).
     */
    long position();
}
