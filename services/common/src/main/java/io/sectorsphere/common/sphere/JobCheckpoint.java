package io.sectorsphere.common.sphere;

import io.sectorsphere.common.Addresses;
import java.util.regex.Pattern;

/**
 * A running job as its coordinator last saved it on the ring ({@code PUT /api/v1/sphere-jobs/{id}}
 * on a locator): enough for another worker to take the job over when the coordinator dies.
 *
 * @param coordinator the HTTP address of the worker coordinating the job now
 * @param state the coordinator's own record of the job, as JSON: the locators keep it as it is
 * @param ttlSeconds how long the checkpoint lives unless saved again
 * @param finished the job has ended: the entry only says which worker can tell how, and nobody takes it over
 */
public record JobCheckpoint(String id, String coordinator, String state, long ttlSeconds, boolean finished) {

    private static final Pattern ID = Pattern.compile("j[0-9a-f]{16}");

    public JobCheckpoint {
        requireJobId(id);
        Addresses.requireHttpUrl("coordinator", coordinator);
        if (state == null || state.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint needs the job's state");
        }
        if (ttlSeconds < 1) {
            throw new IllegalArgumentException("ttlSeconds must be at least 1");
        }
    }

    /** @throws IllegalArgumentException unless {@code id} is a job id ({@code j} and 16 hex digits) */
    public static String requireJobId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job id: " + id);
        }
        return id;
    }
}
