/**
 * Records in local files: {@link io.sectorsphere.sphere.runtime.records.RecordReaders} opens a
 * cursor over a byte range under a record format (fixed size, the file's {@code .idx}, or lines
 * split as Hadoop splits text); {@link io.sectorsphere.sphere.runtime.records.RecordBoundaries}
 * finds where records start, for cutting files into segments; {@link
 * io.sectorsphere.sphere.runtime.records.RecordFileWriter} writes a record file and its index
 * ({@link io.sectorsphere.sphere.runtime.records.RecordIndex} draws the layout). Readers reuse one
 * buffer (1 MiB, grown for longer records up to 64 MiB; a longer record is an error naming the file
 * and offset).
 */
package io.sectorsphere.sphere.runtime.records;
