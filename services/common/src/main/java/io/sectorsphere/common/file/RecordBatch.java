package io.sectorsphere.common.file;

import java.util.List;

/**
 * Records of a file by index, as {@code GET /api/v1/files/{name}/records?from=&count=} answers in
 * JSON. Record i spans bytes [offset(i), offset(i+1)) of the file, as its {@code .idx} says.
 *
 * @param total records in the file
 * @param records consecutive records from {@code from}; fewer than asked for at the end of the
 *     file or when the answer would exceed the node's size limit (ask again from the next index)
 */
public record RecordBatch(String name, long from, long total, List<Record> records) {

    public RecordBatch {
        records = List.copyOf(records);
    }

    /** One record; {@code data} travels as base64 in JSON. */
    public record Record(long index, long offset, byte[] data) {
    }
}
