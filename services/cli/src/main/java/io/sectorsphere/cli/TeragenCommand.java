package io.sectorsphere.cli;

import io.sectorsphere.client.PutOptions;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.SphereClient;
import io.sectorsphere.client.TransferListener;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sector teragen}: Hadoop TeraGen's rows as a Sphere job. A control file names the parts, one
 * fixed-width line each; the job reads it one line per segment and writes each part as
 * {@code NAME/part-NNNNN} on the node that ran it. The control file is deleted afterwards.
 */
@Command(name = "teragen", mixinStandardHelpOptions = true,
        description = {"Generate ROWS Terasort records of 100 bytes, byte-identical to Hadoop TeraGen's, as "
                + "NAME/part-NNNNN spread over the nodes.",
            "Example: sector teragen 1000000 tera/in"})
final class TeragenCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "ROWS", description = "How many rows (records), 0..ROWS-1.")
    private long rows;

    @Parameters(index = "1", paramLabel = "NAME", description = "The output prefix; it must not exist.")
    private String name;

    @Option(names = "--parts", paramLabel = "N",
            description = "Output files; default: 2 per node, at least one per 2,000,000 rows.")
    private Integer parts;

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        if (rows < 1) {
            throw new ParameterException(spec.commandLine(), "ROWS must be at least 1, not " + rows);
        }
        if (parts != null && (parts < 1 || parts > rows)) {
            throw new ParameterException(spec.commandLine(), "--parts must be between 1 and ROWS, not " + parts);
        }
        String prefix = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        String control = prefix + ".teragen";
        int partCount = parts != null ? parts : TeraGenControl.defaultParts(rows, ClusterNodes.count(sector));
        JobStatus finished;
        try (SectorClient storage = sector.client(); SphereClient sphere = sector.sphereClient()) {
            upload(storage, control, TeraGenControl.lines(rows, partCount));
            try {
                JobRequest job = new JobRequest("teragen " + prefix, new JobInput(List.of(control), null),
                        "fixed:" + TeraGenControl.LINE_BYTES,
                        List.of(new StageRequest("teragen", null, null, null, null, null,
                                new OutputRequest("LOCAL", prefix, null, null))),
                        (long) TeraGenControl.LINE_BYTES, (long) TeraGenControl.LINE_BYTES);
                finished = new JobRunner(sphere, sector.environment(), progressOption.wanted()).run(job);
            } finally {
                removeControl(storage, control);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("teragen rows=%d parts=%d into %s/%n", rows, partCount, prefix);
        out.println(JobReports.summary(finished));
        return ExitCodes.OK;
    }

    /** A failure to clean up is worth a warning, not the place of the job's own outcome. */
    private void removeControl(SectorClient storage, String control) {
        try {
            storage.delete(control);
        } catch (SectorException e) {
            spec.commandLine().getErr().println("sector: warning: cannot delete " + control + ": " + e.getMessage());
        }
    }

    private void upload(SectorClient storage, String control, List<String> lines) throws IOException {
        Path file = Files.createTempFile("teragen", ".control");
        try {
            Files.writeString(file, String.join("", lines), StandardCharsets.US_ASCII);
            // Overwritten: a control file left by an interrupted run is of no use to anyone.
            storage.put(control, file, PutOptions.OVERWRITE, TransferListener.NONE);
        } catch (SectorException e) {
            throw WriteHints.explain(e, storage.config().token());
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
