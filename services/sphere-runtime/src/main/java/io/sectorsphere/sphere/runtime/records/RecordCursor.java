package io.sectorsphere.sphere.runtime.records;

import io.sectorsphere.sphere.api.Records;
import java.io.Closeable;

/** A {@link Records} cursor over part of a local file, holding the file open until closed. */
public interface RecordCursor extends Records, Closeable {
}
