package io.sectorsphere.sphere.worker.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.job.InputFile;
import io.sectorsphere.sphere.worker.job.OutputSpec;
import io.sectorsphere.sphere.worker.job.Segment;
import io.sectorsphere.sphere.worker.job.StageSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StageRunTest {

    private static final WorkerStatus A = worker("a", 2);
    private static final WorkerStatus B = worker("b", 2);
    private static final WorkerStatus C = worker("c", 2);

    private static WorkerStatus worker(String host, int elements) {
        return new WorkerStatus(host + ":6400", "http://" + host + ":6400", host + ":6200", elements, 10);
    }

    private static InputFile file(String name, WorkerStatus... holders) {
        return new InputFile(name, 1000, List.of(holders).stream().map(WorkerStatus::storageAddress).toList(),
                List.of(holders).stream().map(holder -> "http://" + holder.storageAddress()).toList());
    }

    private static StageRun stage(OutputSpec output, InputFile... files) {
        List<Segment> segments = new ArrayList<>();
        for (InputFile file : files) {
            for (int part = 0; part < 4; part++) {
                segments.add(new Segment(segments.size(), file, part * 250L, 250));
            }
        }
        StageSpec spec = new StageSpec(0, "identity", null, UnitKind.SEGMENT, 1, new byte[0], RecordFormat.lines(), output);
        return new StageRun(spec, segments);
    }

    private static void start(StageRun run, List<StageRun.Placement> placements, long nowNanos) {
        for (StageRun.Placement placement : placements) {
            SegmentState segment = placement.segment();
            run.started(placement, new Attempt("j0", 0, segment.segment().index(), segment.nextAttemptNumber(),
                    placement.worker(), placement.speculative(), nowNanos));
        }
    }

    @Test
    void segmentsRunWhereTheirFileIsAndSpreadOverItsFiles() {
        StageRun run = stage(new OutputSpec(OutputSpec.Kind.CALLER, null, 0, false), file("x", A), file("y", B));
        List<StageRun.Placement> placements = run.place(List.of(A, B, C), Map.of());

        assertThat(placements).filteredOn(p -> p.worker() == A).hasSize(2)
                .allMatch(p -> p.segment().segment().file().name().equals("x"));
        assertThat(placements).filteredOn(p -> p.worker() == B).hasSize(2)
                .allMatch(p -> p.segment().segment().file().name().equals("y"));
        assertThat(placements).as("C holds nothing: it gets what the full holders leave, one of each file")
                .filteredOn(p -> p.worker() == C).extracting(p -> p.segment().segment().file().name())
                .containsExactlyInAnyOrder("x", "y");
    }

    @Test
    void anIdleElementTakesRemoteWorkOnlyWhenTheHoldersAreFull() {
        StageRun run = stage(new OutputSpec(OutputSpec.Kind.CALLER, null, 0, false), file("x", A));
        List<StageRun.Placement> first = run.place(List.of(A, B), Map.of());

        assertThat(first).filteredOn(p -> p.worker() == A).hasSize(2);
        assertThat(first).filteredOn(p -> p.worker() == B).as("only once A was full").hasSize(2);
        start(run, first, 0);
        assertThat(run.place(List.of(A, B), Map.of())).isEmpty();
        assertThat(run.segments()).noneMatch(SegmentState::pending);
    }

    @Test
    void aStragglerGetsACopyOnAnotherWorkerNearTheStageEnd() {
        StageRun run = stage(new OutputSpec(OutputSpec.Kind.CALLER, null, 0, false), file("x", A, B));
        List<StageRun.Placement> first = run.place(List.of(A, B), Map.of());
        start(run, first, 0);
        long second = TimeUnit.SECONDS.toNanos(1);
        SegmentState straggler = first.getFirst().segment();
        for (StageRun.Placement placement : first.subList(1, first.size())) {
            Attempt attempt = placement.segment().running().getFirst();
            run.accepted(placement.segment(), attempt, second);
        }
        SphereProperties.Speculation settings = new SphereProperties.Speculation(true, 0.5, 2.0, Duration.ofMillis(10));

        assertThat(run.speculate(List.of(A, B), Map.of(), settings, TimeUnit.MILLISECONDS.toNanos(1500)))
                .as("not yet twice the median").isEmpty();
        List<StageRun.Placement> copies = run.speculate(List.of(A, B), Map.of(), settings, TimeUnit.SECONDS.toNanos(3));
        assertThat(copies).singleElement().satisfies(copy -> {
            assertThat(copy.segment()).isSameAs(straggler);
            assertThat(copy.speculative()).isTrue();
            assertThat(copy.worker()).isNotEqualTo(straggler.running().getFirst().worker());
        });
    }

    @Test
    void losingABucketOwnerMovesItsBucketsAndRunsEveryAcceptedSegmentAgain() {
        StageRun run = stage(new OutputSpec(OutputSpec.Kind.BUCKETS, "out", 6, false), file("x", A, B));
        run.assignBuckets(List.of(A, B, C));
        assertThat(run.bucketOwners()).containsExactly(A.httpAddress(), B.httpAddress(), C.httpAddress(),
                A.httpAddress(), B.httpAddress(), C.httpAddress());
        List<StageRun.Placement> placements = run.place(List.of(A, B), Map.of());
        start(run, placements, 0);
        SegmentState done = placements.getFirst().segment();
        run.accepted(done, done.running().getFirst(), 1);

        List<Attempt> stopped = run.ownerLost(C.httpAddress(), List.of(A, B));

        assertThat(run.bucketOwners()).doesNotContain(C.httpAddress()).hasSize(6);
        assertThat(stopped).hasSize(placements.size() - 1);
        assertThat(run.segments()).allMatch(SegmentState::pending);
        assertThat(run.status().retries()).isEqualTo(4);
    }
}
