package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.sphere.worker.job.InputFile;
import io.sectorsphere.sphere.worker.job.JobSpec;
import io.sectorsphere.sphere.worker.job.Segment;
import java.util.List;

/**
 * What a coordinator saves of a running job at its checkpoints: the job, the stage it is in with
 * that stage's input, segments and bucket owners, the attempts accepted so far, and every file it
 * stored. Another worker resumes from it without redoing committed stages or accepted segments whose
 * output survived.
 *
 * @param generation how many coordinators the job has had before this one; attempt numbers of
 *     each generation are apart, so a new coordinator's attempts never share an id with an old one's
 */
record JobState(JobSpec spec, int generation, int stage, List<InputFile> stageInput, List<Segment> segments,
                List<String> bucketOwners, List<Accepted> accepted, List<String> stored) {

    /** An accepted attempt: where its output is, and its counts. */
    record Accepted(int segment, int number, String taskId, WorkerStatus worker, boolean local, long recordsIn,
                    long recordsOut, long bytesOut) {
    }
}
