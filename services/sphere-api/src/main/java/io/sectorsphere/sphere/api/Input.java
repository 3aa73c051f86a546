package io.sectorsphere.sphere.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One unit of input: a run of records, a whole segment or a whole file, of one Sector file.
 * The unit's bytes are {@code [offset, offset + length)} of the file; for {@link UnitKind#FILE}
 * that is the whole file.
 */
public interface Input {

    /** The Sector name of the file this unit comes from. */
    String fileName();

    long offset();

    long length();

    /** Number of the unit's first record within its file, or -1 where the format cannot tell (lines). */
    long firstRecord();

    /** The unit's records, in file order. */
    Records records() throws IOException;

    /**
     * The file on this node's disk, to be read by the function itself ({@link UnitKind#FILE}). Remote
     * data has been fetched to a local copy first.
     */
    Path localFile();

    /**
     * Where a {@link UnitKind#FILE} function asked to go on: 0 on the first call, then the position
     * it passed to {@link Output#resumeAt}.
     */
    long resumePosition();
}
