package io.sectorsphere.locator.ring;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.FileName;
import io.sectorsphere.common.sphere.JobCheckpoint;

/**
 * The names ring entries are stored under: file names, plus reserved names that no file can have.
 * A reserved name starts with a control character, which {@link FileName} rejects, so no published
 * file can collide with one and no locate request can reach one.
 */
public final class EntryNames {

    /**
     * The node registry: every storage node's status is one entry under this single name (source =
     * the node's address), so the registry lives on one owner and its successors like any record.
     */
    public static final String NODE_REGISTRY = "\u0001nodes";

    /** The Sphere worker registry, kept like the node registry: one entry per worker under this name. */
    public static final String WORKER_REGISTRY = "\u0001workers";

    /** Checkpoints of running Sphere jobs, one entry per job, so another worker can take one over. */
    public static final String SPHERE_JOBS = "\u0001sphere-jobs";

    /** A job checkpoint lists a stage's segments and accepted attempts: it may be this many records' worth. */
    public static final int CHECKPOINT_RECORDS = 64;

    private EntryNames() {
    }

    /** The largest value an entry under {@code name} may hold, given the limit for one record. */
    public static long maxValueBytes(String name, long recordLimit) {
        return SPHERE_JOBS.equals(name) ? recordLimit * CHECKPOINT_RECORDS : recordLimit;
    }

    public static boolean isReserved(String name) {
        return NODE_REGISTRY.equals(name) || WORKER_REGISTRY.equals(name) || SPHERE_JOBS.equals(name);
    }

    /**
     * An entry's source is the holder's address; a job checkpoint's is its job's id.
     *
     * @throws IllegalArgumentException if {@code source} is neither for {@code name}
     */
    public static String requireValidSource(String name, String source) {
        return SPHERE_JOBS.equals(name) ? JobCheckpoint.requireJobId(source)
                : Addresses.requireHostPort("entry source", source);
    }

    /** @throws IllegalArgumentException unless {@code name} is a valid file name or a reserved name */
    public static String requireValid(String name) {
        return isReserved(name) ? name : FileName.of(name).value();
    }
}
