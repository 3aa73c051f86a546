package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.sphere.StageStatus;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.job.OutputSpec;
import io.sectorsphere.sphere.worker.job.Segment;
import io.sectorsphere.sphere.worker.job.StageSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state of one stage of a running job and the coordinator's decisions on it, without any I/O:
 * where pending segments run (data-local first; two segments of one file not at once unless an
 * element would idle; elsewhere only when no holder has a free element), when a straggler gets a
 * speculative copy, and which workers own the buckets.
 */
final class StageRun {

    /** Run {@code segment} on {@code worker}. */
    record Placement(SegmentState segment, WorkerStatus worker, boolean speculative) {
    }

    private final StageSpec spec;
    private final List<SegmentState> segments;
    private final List<String> bucketOwners = new ArrayList<>();
    private int retries;
    private int speculativeCopies;
    private int failedAttempts;
    private long localBytes;
    private long acceptedBytes;
    private long recordsIn;
    private long recordsOut;
    private long bytesOut;

    StageRun(StageSpec spec, List<Segment> segments) {
        this.spec = spec;
        this.segments = segments.stream().map(SegmentState::new).toList();
    }

    StageSpec spec() {
        return spec;
    }

    List<SegmentState> segments() {
        return segments;
    }

    boolean allDone() {
        return segments.stream().allMatch(SegmentState::done);
    }

    List<Attempt> running() {
        return segments.stream().flatMap(segment -> segment.running().stream()).toList();
    }

    // ---- buckets

    /** Spreads the buckets over the workers, in address order, round robin. */
    void assignBuckets(List<WorkerStatus> workers) {
        bucketOwners.clear();
        List<String> urls = workers.stream().sorted(Comparator.comparing(WorkerStatus::address))
                .map(WorkerStatus::httpAddress).toList();
        if (spec.output().kind() == OutputSpec.Kind.BUCKETS) {
            if (urls.isEmpty()) {
                throw new IllegalStateException("no worker is available to own buckets");
            }
            for (int b = 0; b < spec.output().buckets(); b++) {
                bucketOwners.add(urls.get(b % urls.size()));
            }
        }
    }

    /** The owners a previous coordinator gave the buckets. */
    void restoreBuckets(List<String> owners) {
        bucketOwners.clear();
        bucketOwners.addAll(owners);
    }

    List<String> bucketOwners() {
        return List.copyOf(bucketOwners);
    }

    boolean ownsBuckets(String workerUrl) {
        return bucketOwners.contains(workerUrl);
    }

    /**
     * The owner {@code lost} is gone with every part it held: its buckets move to the other
     * workers, and every accepted segment runs again, as each may have fed those buckets.
     *
     * @return the attempts still running, which the caller stops: they ship to the old owners
     */
    List<Attempt> ownerLost(String lost, List<WorkerStatus> workers) {
        List<String> others = workers.stream().map(WorkerStatus::httpAddress).filter(url -> !url.equals(lost))
                .sorted().toList();
        if (others.isEmpty()) {
            throw new IllegalStateException("bucket owner " + lost + " was lost and no other worker is left");
        }
        int next = 0;
        for (int b = 0; b < bucketOwners.size(); b++) {
            if (bucketOwners.get(b).equals(lost)) {
                bucketOwners.set(b, others.get(next++ % others.size()));
            }
        }
        List<Attempt> stopped = new ArrayList<>();
        for (SegmentState segment : segments) {
            if (segment.done() || !segment.running().isEmpty()) {
                retries++;
            }
            segment.reopen();
            stopped.addAll(segment.running());
            segment.running().clear();
        }
        acceptedBytes = 0;
        localBytes = 0;
        return stopped;
    }

    // ---- placement

    /** Where pending segments go now, given the live workers and what runs on each. */
    List<Placement> place(List<WorkerStatus> workers, Map<String, Integer> busyElsewhere) {
        Map<String, Integer> free = freeElements(workers, busyElsewhere);
        Map<String, Integer> runningPerFile = runningPerFile();
        List<Placement> placements = new ArrayList<>();
        List<SegmentState> pending = new ArrayList<>(segments.stream().filter(SegmentState::pending).toList());
        boolean placed = true;
        while (placed && !pending.isEmpty()) {
            placed = false;
            for (WorkerStatus worker : workers) {
                if (free.getOrDefault(worker.address(), 0) <= 0 || pending.isEmpty()) {
                    continue;
                }
                SegmentState choice = choose(worker, pending, runningPerFile, free, workers);
                if (choice == null) {
                    continue;
                }
                pending.remove(choice);
                free.merge(worker.address(), -1, Integer::sum);
                runningPerFile.merge(choice.segment().file().name(), 1, Integer::sum);
                placements.add(new Placement(choice, worker, false));
                placed = true;
            }
        }
        return placements;
    }

    /** A local segment, of the least busy file; else a remote one whose holders have no free element. */
    private SegmentState choose(WorkerStatus worker, List<SegmentState> pending, Map<String, Integer> runningPerFile,
                                Map<String, Integer> free, List<WorkerStatus> workers) {
        Comparator<SegmentState> leastBusyFile = Comparator.comparingInt(
                segment -> runningPerFile.getOrDefault(segment.segment().file().name(), 0));
        SegmentState local = pending.stream().filter(segment -> segment.segment().heldBy(worker.storageAddress()))
                .min(leastBusyFile).orElse(null);
        if (local != null) {
            return local;
        }
        return pending.stream()
                .filter(segment -> workers.stream().noneMatch(holder -> segment.segment().heldBy(holder.storageAddress())
                        && free.getOrDefault(holder.address(), 0) > 0))
                .min(leastBusyFile).orElse(null);
    }

    /**
     * Speculative copies for stragglers: once {@code afterFraction} of the segments are done, a
     * segment whose only attempt has run longer than {@code slowerThan} times the median of the done
     * ones (and at least {@code minRuntime}) gets a second attempt on another worker with room.
     */
    List<Placement> speculate(List<WorkerStatus> workers, Map<String, Integer> busyElsewhere,
                              SphereProperties.Speculation settings, long nowNanos) {
        List<Long> durations = segments.stream().filter(SegmentState::done).map(SegmentState::durationNanos)
                .sorted().toList();
        if (!settings.enabled() || durations.isEmpty()
                || durations.size() < settings.afterFraction() * segments.size()) {
            return List.of();
        }
        long median = durations.get(durations.size() / 2);
        long threshold = Math.max(settings.minRuntime().toNanos(), (long) (settings.slowerThan() * median));
        Map<String, Integer> free = freeElements(workers, busyElsewhere);
        List<Placement> copies = new ArrayList<>();
        for (SegmentState segment : segments) {
            if (segment.done() || segment.running().size() != 1) {
                continue;
            }
            Attempt only = segment.running().getFirst();
            if (nowNanos - only.startedNanos() <= threshold) {
                continue;
            }
            workers.stream()
                    .filter(worker -> !worker.address().equals(only.worker().address()))
                    .filter(worker -> free.getOrDefault(worker.address(), 0) > 0)
                    .min(Comparator.comparing((WorkerStatus worker) -> !segment.segment().heldBy(worker.storageAddress())))
                    .ifPresent(worker -> {
                        free.merge(worker.address(), -1, Integer::sum);
                        copies.add(new Placement(segment, worker, true));
                    });
        }
        return copies;
    }

    private Map<String, Integer> freeElements(List<WorkerStatus> workers, Map<String, Integer> busyElsewhere) {
        Map<String, Long> runningHere = running().stream()
                .collect(Collectors.groupingBy(attempt -> attempt.worker().address(), Collectors.counting()));
        Map<String, Integer> free = new HashMap<>();
        for (WorkerStatus worker : workers) {
            int busy = runningHere.getOrDefault(worker.address(), 0L).intValue()
                    + busyElsewhere.getOrDefault(worker.address(), 0);
            free.put(worker.address(), worker.processingElements() - busy);
        }
        return free;
    }

    private Map<String, Integer> runningPerFile() {
        Map<String, Integer> counts = new HashMap<>();
        for (SegmentState segment : segments) {
            if (!segment.running().isEmpty()) {
                counts.merge(segment.segment().file().name(), segment.running().size(), Integer::sum);
            }
        }
        return counts;
    }

    // ---- outcomes

    void started(Placement placement, Attempt attempt) {
        placement.segment().running().add(attempt);
        if (placement.speculative()) {
            speculativeCopies++;
        }
    }

    /** @return the other attempts of the segment, which the caller stops */
    List<Attempt> accepted(SegmentState segment, Attempt attempt, long nowNanos) {
        segment.accept(attempt, nowNanos);
        List<Attempt> others = List.copyOf(segment.running());
        segment.running().clear();
        long bytes = segment.segment().length();
        acceptedBytes += bytes;
        if (attempt.report() != null) {
            if (attempt.report().local()) {
                localBytes += bytes;
            }
            recordsIn += attempt.report().recordsIn();
            recordsOut += attempt.report().recordsOut();
            bytesOut += attempt.report().bytesOut();
        }
        return others;
    }

    /** An attempt ended without output; the segment waits for another unless one still runs. */
    void ended(SegmentState segment, Attempt attempt, boolean countsAsFailure) {
        segment.running().remove(attempt);
        if (countsAsFailure) {
            failedAttempts++;
        }
        if (segment.pending()) {
            retries++;
        }
    }

    SegmentState segment(int index) {
        return segments.get(index);
    }

    long acceptedBytes() {
        return acceptedBytes;
    }

    long localBytes() {
        return localBytes;
    }

    long totalBytes() {
        return segments.stream().mapToLong(segment -> segment.segment().length()).sum();
    }

    StageStatus status() {
        int done = (int) segments.stream().filter(SegmentState::done).count();
        int running = (int) segments.stream().filter(segment -> !segment.done() && !segment.running().isEmpty()).count();
        return new StageStatus(spec.index(), spec.operator(), segments.size(), done, running,
                segments.size() - done - running, failedAttempts, retries, speculativeCopies, acceptedBytes, bytesOut,
                recordsIn, recordsOut);
    }

    /** Workers whose elements this stage uses, by address. */
    Set<String> workersInUse() {
        return running().stream().map(attempt -> attempt.worker().address()).collect(Collectors.toSet());
    }
}
