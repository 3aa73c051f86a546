package io.sectorsphere.client;

import io.sectorsphere.common.sphere.JobStatus;
import java.util.Locale;

/** A job ended without success: it failed (the message carries its error) or was cancelled. */
public final class JobFailedException extends SectorException {

    public static final int EXIT_CODE = 17;

    private final transient JobStatus job;

    public JobFailedException(JobStatus job) {
        super(message(job), 0);
        this.job = job;
    }

    /** The job's final status. */
    public JobStatus job() {
        return job;
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }

    private static String message(JobStatus job) {
        if ("CANCELLED".equals(job.state())) {
            return "job " + job.id() + " was cancelled";
        }
        String error = job.error() == null || job.error().isBlank() ? "no reason given" : job.error();
        return "job " + job.id() + " " + job.state().toLowerCase(Locale.ROOT) + ": " + error;
    }
}
