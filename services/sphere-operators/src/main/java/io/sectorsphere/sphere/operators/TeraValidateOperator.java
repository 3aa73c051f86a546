package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;

/**
 * TeraValidate's map side: over a {@code SEGMENT} unit of sorted 100-byte records, writes one
 * summary line (see {@link TeraValidation.SegmentSummary}) with the segment's record count, first
 * and last key, the number of neighbouring pairs out of order and its checksum, from which {@link
 * TeraValidation} checks the order across segments and files and adds up the checksums.
 */
public final class TeraValidateOperator implements SphereFunction {

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        byte[] first = new byte[TeraRecords.KEY_BYTES];
        byte[] previous = new byte[TeraRecords.KEY_BYTES];
        TeraChecksum checksum = new TeraChecksum();
        long count = 0;
        long unsorted = 0;
        Records records = input.records();
        while (records.next()) {
            byte[] buffer = records.buffer();
            int offset = records.offset();
            if (records.length() != TeraRecords.RECORD_BYTES) {
                throw new IllegalArgumentException("teravalidate: a record of " + input.fileName() + " is "
                        + records.length() + " bytes, not 100 (read it as fixed:100)");
            }
            if (count == 0) {
                System.arraycopy(buffer, offset, first, 0, TeraRecords.KEY_BYTES);
            } else if (TeraRecords.compareKeys(previous, 0, buffer, offset) > 0) {
                unsorted++;
            }
            System.arraycopy(buffer, offset, previous, 0, TeraRecords.KEY_BYTES);
            checksum.add(buffer, offset, TeraRecords.RECORD_BYTES);
            count++;
        }
        output.writeLine(new TeraValidation.SegmentSummary(input.fileName(), input.offset(), count,
                count == 0 ? null : first, count == 0 ? null : previous, unsorted, checksum.value()).toLine());
    }
}
