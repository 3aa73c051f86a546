package io.sectorsphere.client;

import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * A client of Sphere over a worker's REST API: submits jobs, follows and cancels them, and streams
 * the records they return to the caller. Any worker accepts a job and answers for the jobs it knows.
 * Thread-safe; close it to release its connections.
 *
 * <p>Failures are {@link SectorException}s as for {@link SectorClient}; a job that fails is not one
 * of them (its status says so), until a caller turns it into a {@link JobFailedException}.
 */
public final class SphereClient implements AutoCloseable {

    private static final String JOBS = "/api/v1/jobs";
    private static final int COPY_BUFFER = 64 * 1024;
    private static final TypeReference<List<JobStatus>> JOB_LIST = new TypeReference<>() {
    };

    private final SphereClientConfig config;
    private final HttpClient httpClient;
    private final HttpTransport transport;
    private final String authorization;

    /** A client of the worker at {@code endpoint}; {@code token} (null for none) authorizes submits. */
    public SphereClient(URI endpoint, String token) {
        this(SphereClientConfig.of(endpoint, token));
    }

    public SphereClient(SphereClientConfig config) {
        this.config = config;
        this.httpClient = HttpTransport.newHttpClient(config.connectTimeout());
        this.transport = new HttpTransport(httpClient, config.requestTimeout());
        this.authorization = config.token() == null ? null : "Bearer " + config.token();
    }

    public SphereClientConfig config() {
        return config;
    }

    /**
     * Starts {@code job}; it runs on without this client.
     *
     * @return the job's first status, with its id
     * @throws BadRequestException if the job is invalid (unknown operator, bad format, ...)
     * @throws NotFoundException if an input file does not exist
     * @throws ConflictException if an output prefix exists
     * @throws DeniedException without a token allowed to run jobs
     */
    public JobStatus submit(JobRequest job) {
        String what = "submit job" + (job.name() == null ? "" : " " + job.name());
        HttpRequest request = authorized(transport.request(Urls.at(config.endpoint(), JOBS)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(job)))
                .build();
        return Json.read(what, transport.send(request, what).body(), JobStatus.class);
    }

    /** The job's state and progress. */
    public JobStatus status(String id) {
        String what = "job " + id;
        return Json.read(what, transport.send(transport.request(job(id, "")).GET().build(), what).body(),
                JobStatus.class);
    }

    /** The jobs the worker knows, newest first. */
    public List<JobStatus> list() {
        URI uri = Urls.at(config.endpoint(), JOBS);
        return Json.read("list jobs", transport.send(transport.request(uri).GET().build(), "list jobs").body(),
                JOB_LIST);
    }

    /** Asks the job to stop; its status turns {@code CANCELLED} once it has, with no partial output left. */
    public void cancel(String id) {
        String what = "cancel job " + id;
        HttpRequest request = authorized(transport.request(job(id, ""))).DELETE().build();
        HttpTransport.discard(transport.send(request, what).body());
    }

    /** {@link #waitFor(String, JobPolling, JobListener)} with the default polling. */
    public JobStatus waitFor(String id, JobListener listener) {
        return waitFor(id, JobPolling.DEFAULT, listener);
    }

    /**
     * Polls the job until it has finished, reporting every status to {@code listener}.
     *
     * @return the final status, whatever the outcome
     * @throws UnavailableException if the worker did not answer for longer than the polling tolerates
     */
    public JobStatus waitFor(String id, JobPolling polling, JobListener listener) {
        Duration pause = polling.firstInterval();
        long outageStart = 0;
        boolean inOutage = false;
        while (true) {
            try {
                JobStatus status = status(id);
                inOutage = false;
                listener.progress(status);
                if (status.finished()) {
                    return status;
                }
            } catch (UnavailableException e) {
                long now = System.nanoTime();
                if (!inOutage) {
                    inOutage = true;
                    outageStart = now;
                }
                if (now - outageStart > polling.outageTolerance().toNanos()) {
                    throw e;
                }
            }
            sleep(pause, id);
            pause = polling.next(pause);
        }
    }

    /**
     * Streams the records the job returned to its caller, in segment order, to {@code out} (not closed).
     *
     * @return the number of bytes written
     * @throws ConflictException while the job still runs
     * @throws UnavailableException if the answer broke off
     * @throws IOException if {@code out} cannot be written
     */
    public long results(String id, OutputStream out) throws IOException {
        String what = "results of job " + id;
        InputStream body = transport.send(transport.request(job(id, "/results")).GET().build(), what).body();
        byte[] buffer = new byte[COPY_BUFFER];
        long copied = 0;
        try (body) {
            while (true) {
                int n;
                try {
                    n = body.read(buffer);
                } catch (IOException e) {
                    throw new UnavailableException(what + ": the answer broke off: " + e.getMessage(), 0, e);
                }
                if (n < 0) {
                    return copied;
                }
                out.write(buffer, 0, n);
                copied += n;
            }
        }
    }

    @Override
    public void close() {
        httpClient.close();
    }

    private URI job(String id, String suffix) {
        if (id == null || id.isBlank()) {
            throw new BadRequestException("a job id is required", 0);
        }
        return Urls.at(config.endpoint(), JOBS + "/" + Urls.pathSegment(id.strip()) + suffix);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static void sleep(Duration pause, String id) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SectorException("waiting for job " + id + ": interrupted", 0, e);
        }
    }
}
