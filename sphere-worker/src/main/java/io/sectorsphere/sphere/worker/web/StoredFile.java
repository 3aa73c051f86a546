package io.sectorsphere.sphere.worker.web;

/** A job output file a worker stored on its storage node, and where. */
public record StoredFile(String name, long size, String holder, String holderUrl) {
}
