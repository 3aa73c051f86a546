package io.sectorsphere.sphere.worker.job;

/**
 * A piece of one input file that one attempt processes: {@code [offset, offset + length)}, on
 * record boundaries (for lines, the reader moves them to the next line start).
 *
 * @param index the segment's number within its stage, in input order (file name, then offset)
 */
public record Segment(int index, InputFile file, long offset, long length) {

    public boolean heldBy(String storageAddress) {
        return file.holders().contains(storageAddress);
    }
}
