package io.sectorsphere.sphere.worker.job;

import java.time.Instant;
import java.util.List;

/**
 * A validated job, as its coordinator runs it.
 *
 * @param input the first stage's input files, in name order
 * @param token the submitter's bearer token: output is written to the storage nodes with it
 */
public record JobSpec(String id, String name, List<InputFile> input, List<StageSpec> stages,
                      long segmentMin, long segmentMax, String token, String account, Instant submittedAt) {

    public JobSpec {
        input = List.copyOf(input);
        stages = List.copyOf(stages);
    }
}
