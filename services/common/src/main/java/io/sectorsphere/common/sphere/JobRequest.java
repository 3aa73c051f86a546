package io.sectorsphere.common.sphere;

import java.util.List;

/**
 * A Sphere job: the body of {@code POST /api/v1/jobs} on any sphere worker.
 *
 * @param name a label for people (optional)
 * @param input the files to process: names and name prefixes, each a directory-like {@code a/b/}
 *     or a plain prefix; {@code .idx} files are never input
 * @param format how the first stage finds records: {@code index}, {@code lines} or {@code fixed:N}
 * @param stages run one after another; a bucket stage's files are the next stage's input
 * @param segmentMinBytes S_min (optional; the worker's default otherwise)
 * @param segmentMaxBytes S_max (optional; the worker's default otherwise)
 */
public record JobRequest(String name, JobInput input, String format, List<StageRequest> stages,
                         Long segmentMinBytes, Long segmentMaxBytes) {

    public JobRequest {
        stages = stages == null ? List.of() : List.copyOf(stages);
    }
}
