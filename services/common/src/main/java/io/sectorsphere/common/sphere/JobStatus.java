package io.sectorsphere.common.sphere;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/v1/jobs/{id}} answers.
 *
 * @param state {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED} or {@code CANCELLED}
 * @param error the first failing function's message, when the job failed
 * @param coordinator the HTTP address of the worker coordinating the job
 * @param rateBytesPerSecond input bytes processed per second since the job started
 * @param etaSeconds an estimate of the time left, null when unknown or finished
 * @param dataLocalFraction the share of segment bytes that ran on a node holding their file
 * @param outputs the job's output files once it has succeeded
 */
public record JobStatus(String id, String name, String state, String error, String coordinator,
                        Instant submittedAt, Instant finishedAt, List<StageStatus> stages,
                        long bytesIn, long bytesOut, double rateBytesPerSecond, Double etaSeconds,
                        double dataLocalFraction, List<String> outputs) {

    public JobStatus {
        stages = List.copyOf(stages);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public boolean finished() {
        return !"RUNNING".equals(state);
    }
}
