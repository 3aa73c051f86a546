package io.sectorsphere.cli;

import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.StageStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** How jobs look in the command's output: a progress note, a one-line summary, the details, a table. */
final class JobReports {

    private JobReports() {
    }

    /** Beside the progress bar: the stage running, the input rate, retries and speculative copies so far. */
    static String progressNote(JobStatus status) {
        List<StageStatus> stages = status.stages();
        int current = 0;
        while (current < stages.size() - 1 && stages.get(current).segments() > 0
                && stages.get(current).done() >= stages.get(current).segments()) {
            current++;
        }
        StringBuilder note = new StringBuilder();
        if (stages.size() > 1) {
            note.append("stage ").append(current + 1).append('/').append(stages.size()).append(", ");
        }
        note.append(Formats.bytes(Math.round(status.rateBytesPerSecond()))).append("/s");
        int retries = stages.stream().mapToInt(StageStatus::retries).sum();
        int speculative = stages.stream().mapToInt(StageStatus::speculativeCopies).sum();
        if (retries > 0) {
            note.append(", ").append(retries).append(retries == 1 ? " retry" : " retries");
        }
        if (speculative > 0) {
            note.append(", ").append(speculative).append(" speculative");
        }
        return note.toString();
    }

    /** {@code job j-1 succeeded in 12.3 s: 8 segments, 1.2 GiB in, 340 B out, 100% data-local}. */
    static String summary(JobStatus status) {
        return String.format(Locale.ROOT, "job %s %s in %s: %d segments, %s in, %s out, %s data-local", status.id(),
                status.state().toLowerCase(Locale.ROOT), elapsed(status), segments(status),
                Formats.bytes(status.bytesIn()), Formats.bytes(status.bytesOut()), localShare(status));
    }

    /** What {@code sector job status} shows: the job, then a line per stage, then its error or outputs. */
    static void details(JobStatus status, PrintWriter out) {
        TextTable job = new TextTable(false, false);
        job.row("job", status.id() + (status.name() == null ? "" : " (" + status.name() + ")"));
        job.row("state", status.state());
        job.row("coordinator", Objects.toString(status.coordinator(), "-"));
        job.row("submitted", Formats.time(status.submittedAt()));
        job.row("finished", Formats.time(status.finishedAt()));
        job.row("elapsed", elapsed(status));
        job.row("bytes", Formats.bytes(status.bytesIn()) + " in, " + Formats.bytes(status.bytesOut()) + " out");
        job.row("rate", Formats.bytes(Math.round(status.rateBytesPerSecond())) + "/s"
                + (status.etaSeconds() == null ? "" : String.format(Locale.ROOT, ", about %.0f s left",
                status.etaSeconds())));
        job.row("data-local", localShare(status));
        if (status.error() != null) {
            job.row("error", status.error());
        }
        job.print(out);
        out.println();
        TextTable stages = new TextTable(true, false, true, true, true, true, true, true, true);
        stages.row("STAGE", "OPERATOR", "SEGMENTS", "DONE", "RUNNING", "PENDING", "FAILED", "RETRIES", "SPECULATIVE");
        for (StageStatus stage : status.stages()) {
            stages.row(String.valueOf(stage.index()), stage.operator(), String.valueOf(stage.segments()),
                    String.valueOf(stage.done()), String.valueOf(stage.running()), String.valueOf(stage.pending()),
                    String.valueOf(stage.failedAttempts()), String.valueOf(stage.retries()),
                    String.valueOf(stage.speculativeCopies()));
        }
        stages.print(out);
        if (!status.outputs().isEmpty()) {
            out.println();
            out.println("outputs:");
            status.outputs().forEach(name -> out.println("  " + name));
        }
    }

    /** What {@code sector job ls} shows: a line per job. */
    static void table(List<JobStatus> jobs, PrintWriter out) {
        TextTable table = new TextTable(false, false, false, true, false);
        table.row("ID", "STATE", "SUBMITTED", "DONE", "NAME");
        for (JobStatus job : jobs) {
            table.row(job.id(), job.state(), Formats.time(job.submittedAt()),
                    job.stages().stream().mapToInt(StageStatus::done).sum() + "/" + segments(job),
                    job.name() == null ? "" : job.name());
        }
        table.print(out);
    }

    private static long segments(JobStatus status) {
        return status.stages().stream().mapToLong(StageStatus::segments).sum();
    }

    private static String localShare(JobStatus status) {
        return Math.round(100 * status.dataLocalFraction()) + "%";
    }

    private static String elapsed(JobStatus status) {
        if (status.submittedAt() == null || status.finishedAt() == null) {
            return "-";
        }
        Duration elapsed = Duration.between(status.submittedAt(), status.finishedAt());
        return String.format(Locale.ROOT, "%.1f s", elapsed.toMillis() / 1000.0);
    }
}
