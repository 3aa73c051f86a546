package io.sectorsphere.cli;

import io.sectorsphere.common.sphere.JobRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job written as JSON, the body of {@code POST /api/v1/jobs}, for jobs the one-stage options
 * cannot say. Read strictly: a misspelt field is an error here, not a default silently taken.
 */
final class JobFile {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private JobFile() {
    }

    /**
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is not a job
     */
    static JobRequest read(Path file) throws IOException {
        byte[] json = Files.readAllBytes(file);
        JobRequest job;
        try {
            job = STRICT.readValue(json, JobRequest.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not a job: " + e.getOriginalMessage(), e);
        }
        if (job == null || job.input() == null || job.stages().isEmpty()) {
            throw new IllegalArgumentException(file + ": a job needs \"input\" and at least one of \"stages\"");
        }
        return job;
    }
}
