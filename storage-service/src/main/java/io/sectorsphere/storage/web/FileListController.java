package io.sectorsphere.storage.web;

import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.storage.cluster.FileListings;
import io.sectorsphere.storage.config.StorageProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/files?prefix=&after=&limit=&scope=}: files by name, a page at a time (pass a
 * page's {@code next} as {@code after}). This node's by default; every live node's with
 * {@code scope=cluster}.
 */
@RestController
class FileListController {

    private static final int DEFAULT_LIMIT = 1000;

    private final FileListings listings;
    private final int maxLimit;

    FileListController(FileListings listings, StorageProperties properties) {
        this.listings = listings;
        this.maxLimit = properties.limits().maxListing();
    }

    @GetMapping("/api/v1/files")
    FileListing list(@RequestParam(defaultValue = "") String prefix, @RequestParam(required = false) String after,
                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) String scope,
                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        int pageSize = limit == null ? Math.min(DEFAULT_LIMIT, maxLimit) : limit;
        if (pageSize < 1 || pageSize > maxLimit) {
            throw new IllegalArgumentException("limit lies in 1.." + maxLimit);
        }
        String cursor = after == null || after.isEmpty() ? null : after;
        return switch (Scope.parse(scope, Scope.LOCAL)) {
            case LOCAL -> listings.local(prefix, cursor, pageSize);
            case CLUSTER -> listings.cluster(prefix, cursor, pageSize, authorization);
        };
    }
}
