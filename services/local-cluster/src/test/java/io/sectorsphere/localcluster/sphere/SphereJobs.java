package io.sectorsphere.localcluster.sphere;

import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import io.sectorsphere.localcluster.MiniSectorCluster;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** Jobs over a mini-cluster's workers through their REST API, as a test drives them. */
final class SphereJobs {

    private final MiniSectorCluster cluster;
    private final RestClient rest = RestClient.create();

    SphereJobs(MiniSectorCluster cluster) {
        this.cluster = cluster;
    }

    JobStatus submit(int via, JobRequest request) {
        return rest.post().uri(cluster.sphereUrl(via) + "/api/v1/jobs")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + cluster.token())
                .body(request).retrieve().body(JobStatus.class);
    }

    JobStatus status(int via, String id) {
        return rest.get().uri(cluster.sphereUrl(via) + "/api/v1/jobs/" + id).retrieve().body(JobStatus.class);
    }

    JobStatus await(int via, String id, Duration timeout) {
        JobStatus[] last = new JobStatus[1];
        cluster.waitUntil("job " + id + " finishes", () -> (last[0] = status(via, id)).finished(), timeout);
        return last[0];
    }

    JobStatus run(int via, JobRequest request, Duration timeout) {
        return await(via, submit(via, request).id(), timeout);
    }

    byte[] results(int via, String id) {
        return rest.get().uri(cluster.sphereUrl(via) + "/api/v1/jobs/" + id + "/results").retrieve().body(byte[].class);
    }

    static JobRequest oneStage(List<String> files, List<String> prefixes, String format, StageRequest stage) {
        return new JobRequest(null, new JobInput(files, prefixes), format, List.of(stage), null, null);
    }

    static StageRequest stage(String operator, String unit, String parameters, OutputRequest output) {
        return new StageRequest(operator, null, unit, null, parameters, null, output);
    }

    static OutputRequest caller() {
        return new OutputRequest("CALLER", null, null, null);
    }

    static OutputRequest local(String prefix) {
        return new OutputRequest("LOCAL", prefix, null, null);
    }

    static OutputRequest buckets(String prefix, int count, boolean temporary) {
        return new OutputRequest("BUCKETS", prefix, count, temporary);
    }
}
