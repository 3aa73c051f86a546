package io.sectorsphere.sphere.worker.web;

import io.sectorsphere.sphere.worker.shuffle.BucketStore;
import java.util.List;

/**
 * Body of {@code POST /api/v1/shuffle/{job}/{stage}/{bucket}/commit}: the Sector name the bucket
 * becomes and the accepted attempts whose parts it joins, in segment order.
 */
public record CommitRequest(String name, List<BucketStore.PartId> parts) {

    public CommitRequest {
        parts = List.copyOf(parts);
    }
}
