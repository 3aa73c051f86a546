package io.sectorsphere.client;

import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error answer into the exception for its kind, with the problem-details {@code detail}
 * (RFC 9457) as the message when the node sent one: one place maps HTTP to the client's errors.
 */
final class Problems {

    /** A problem document is small; a longer body is not one and is not read further. */
    private static final int MAX_PROBLEM_BYTES = 16 * 1024;

    private Problems() {
    }

    /** The exception for an answer with status {@code status}; reads (at most a little of) and closes {@code body}. */
    static SectorException of(String what, int status, InputStream body) {
        String message = what + ": " + detail(status, body) + " (HTTP " + status + ")";
        return switch (status) {
            case 400, 413, 414, 416, 422 -> new BadRequestException(message, status);
            case 401, 403 -> new DeniedException(message, status);
            case 404, 410 -> new NotFoundException(message, status);
            case 409, 412 -> new ConflictException(message, status);
            case 507 -> new InsufficientStorageException(message, status);
            case 429 -> new UnavailableException(message, status);
            default -> status >= 500 ? new UnavailableException(message, status) : new SectorException(message, status);
        };
    }

    private static String detail(int status, InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_PROBLEM_BYTES);
            JsonNode problem = Json.MAPPER.readTree(bytes);
            for (String field : new String[] {"detail", "title"}) {
                if (problem != null && problem.path(field).isString() && !problem.path(field).asString().isBlank()) {
                    return problem.path(field).asString();
                }
            }
        } catch (IOException | JacksonException e) {
            // Not a problem document (or no body at all): the status says what there is to say.
        }
        return reason(status);
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "authentication required";
            case 403 -> "denied";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 416 -> "range not satisfiable";
            case 507 -> "insufficient storage";
            case 503 -> "service unavailable";
            default -> "failed";
        };
    }
}
