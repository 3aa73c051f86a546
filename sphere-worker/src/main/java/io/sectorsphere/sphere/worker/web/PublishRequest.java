package io.sectorsphere.sphere.worker.web;

/** Body of {@code POST /api/v1/tasks/{id}/publish}: the Sector name the attempt's output becomes. */
public record PublishRequest(String name) {
}
