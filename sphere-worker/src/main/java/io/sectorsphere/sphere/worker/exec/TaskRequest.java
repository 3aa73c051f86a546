package io.sectorsphere.sphere.worker.exec;

import java.util.List;

/**
 * A coordinator asks a worker to run one attempt of one segment: the body of
 * {@code POST /api/v1/tasks}.
 *
 * @param taskId unique per attempt: {@code <job>-s<stage>-g<segment>-a<attempt>}
 * @param fileSize the input file's size, to tell a local copy from a stale one
 * @param holderUrls storage nodes holding the file, to fetch it from when it is not local
 * @param parameters the function's parameter bytes, base64
 * @param outputKind {@code CALLER}, {@code LOCAL} or {@code BUCKETS}
 * @param bucketOwners for buckets: the worker URL that receives each bucket, by bucket number
 * @param writeIndex whether output files get a record index
 * @param token the submitter's token, presented to storage nodes and to the bucket owners
 */
public record TaskRequest(String taskId, String jobId, int stage, int segment, int attempt,
                          String fileName, long offset, long length, long fileSize, List<String> holderUrls,
                          String format, String unit, int recordsPerUnit, String operator, String jar,
                          String parameters, String outputKind, List<String> bucketOwners, boolean writeIndex,
                          String token) {

    public TaskRequest {
        holderUrls = List.copyOf(holderUrls);
        bucketOwners = bucketOwners == null ? List.of() : List.copyOf(bucketOwners);
    }

    public int buckets() {
        return bucketOwners.size();
    }
}
