package io.sectorsphere.cli;

import io.sectorsphere.client.JobFailedException;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;

/** Submits jobs and waits for them with a progress bar: what every job command does the same way. */
final class JobRunner {

    private final SphereClient client;
    private final CliEnvironment environment;
    private final boolean progress;

    /** @param progress whether to draw a progress bar while waiting */
    JobRunner(SphereClient client, CliEnvironment environment, boolean progress) {
        this.client = client;
        this.environment = environment;
        this.progress = progress;
    }

    /** Starts {@code job}; a refusal for want of a token says how to give one. */
    JobStatus submit(JobRequest job) {
        try {
            return client.submit(job);
        } catch (SectorException e) {
            throw WriteHints.explain(e, client.config().token());
        }
    }

    /** Starts {@code job} and waits for it. */
    JobStatus run(JobRequest job) {
        return await(submit(job).id());
    }

    /**
     * Waits for the job to finish. The progress bar is named by the job's id, which {@code sector job
     * cancel} needs: the job goes on when the command is stopped.
     *
     * @return the status of the job, which succeeded
     * @throws JobFailedException if it failed or was cancelled
     */
    JobStatus await(String id) {
        JobStatus last;
        try (JobProgress bar = new JobProgress("job " + id, environment, progress)) {
            last = client.waitFor(id, bar);
        }
        if (!"SUCCEEDED".equals(last.state())) {
            throw new JobFailedException(last);
        }
        return last;
    }
}
