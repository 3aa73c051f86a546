package io.sectorsphere.sphere.worker.web;

import io.sectorsphere.sphere.worker.cluster.LocalWorker;
import io.sectorsphere.sphere.worker.security.JobAccess;
import io.sectorsphere.sphere.worker.shuffle.BucketStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The buckets this worker owns: parts from attempts anywhere, and the coordinator's commits. */
@RestController
@RequestMapping("/api/v1/shuffle/{job}/{stage}/{bucket}")
class ShuffleController {

    private final BucketStore buckets;
    private final JobAccess access;
    private final LocalWorker local;

    ShuffleController(BucketStore buckets, JobAccess access, LocalWorker local) {
        this.buckets = buckets;
        this.access = access;
        this.local = local;
    }

    @PutMapping("/{segment}/{attempt}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void receive(@PathVariable String job, @PathVariable int stage, @PathVariable int bucket, @PathVariable int segment,
                 @PathVariable int attempt, @RequestParam String part, HttpServletRequest request,
                 @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException {
        access.requireRunner(authorization);
        TaskController.requireId(job);
        requireNonNegative(stage, bucket, segment, attempt);
        BucketStore.Part kind = switch (part.toLowerCase(Locale.ROOT)) {
            case "data" -> BucketStore.Part.DATA;
            case "index" -> BucketStore.Part.INDEX;
            default -> throw new IllegalArgumentException("part must be data or index, not " + part);
        };
        buckets.receive(job, stage, bucket, new BucketStore.PartId(segment, attempt), kind, request.getInputStream());
    }

    @PostMapping("/commit")
    StoredFile commit(@PathVariable String job, @PathVariable int stage, @PathVariable int bucket,
                      @RequestBody CommitRequest request,
                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException {
        access.requireRunner(authorization);
        TaskController.requireId(job);
        requireNonNegative(stage, bucket, 0, 0);
        long size = buckets.commit(job, stage, bucket, request.parts(), request.name(), JobAccess.token(authorization));
        return new StoredFile(request.name(), size, local.storageAddress(), local.storageUrl());
    }

    private static void requireNonNegative(int... values) {
        for (int value : values) {
            if (value < 0) {
                throw new IllegalArgumentException("stage, bucket, segment and attempt are not negative");
            }
        }
    }
}
