package io.sectorsphere.cli;

import io.sectorsphere.client.NotFoundException;
import io.sectorsphere.client.SectorClient;
import io.sectorsphere.sphere.operators.TeraValidation;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileListing;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code sector teravalidate}: a job summarises every segment of the sorted output next to the data
 * (order within it, first and last key, CRC32 sum); the command then checks the order across
 * segments and files and sums the checksums, which must equal TeraGen's.
 */
@Command(name = "teravalidate", mixinStandardHelpOptions = true,
        description = {"Check that OUT holds Terasort records in key order across its files in name order, and "
                + "print their count and checksum (equal to the input's when nothing was lost or duplicated).",
            "Files whose names below OUT start with _ or . are skipped, as Hadoop does. Exits 8 at the first "
                + "record out of order.",
            "Example: sector teravalidate tera/out"})
final class TeravalidateCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "OUT", description = "What terasort wrote.")
    private String output;

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        String prefix = JobInputs.directory(output);
        List<String> files = dataFiles(prefix);
        if (files.isEmpty()) {
            throw new NotFoundException("teravalidate: no files below " + prefix, 0);
        }
        JobRequest job = new JobRequest("teravalidate " + output, new JobInput(files, null),
                TerasortCommand.RECORD_FORMAT,
                List.of(new StageRequest("teravalidate", null, "SEGMENT", null, null, null,
                        new OutputRequest("CALLER", null, null, null))),
                null, null);
        ByteArrayOutputStream summaries = new ByteArrayOutputStream();
        try (SphereClient sphere = sector.sphereClient()) {
            JobStatus finished = new JobRunner(sphere, sector.environment(), progressOption.wanted()).run(job);
            sphere.results(finished.id(), summaries);
        }
        TeraValidation.Result outcome;
        try {
            outcome = TeraValidation.check(summaries.toString(StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.isBlank()).toList());
        } catch (IllegalArgumentException e) {
            // The worker's operator answered something else than summaries: its fault, not the user's.
            throw new SectorException(e.getMessage(), 0, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("teravalidate records=" + outcome.records() + " checksum=" + outcome.checksumHex() + " sorted="
                + (outcome.sorted() ? "yes" : "no"));
        out.flush();
        if (!outcome.sorted()) {
            spec.commandLine().getErr().println("sector: teravalidate: " + outcome.problem());
            return ExitCodes.NOT_VALID;
        }
        return ExitCodes.OK;
    }

    /** The files below {@code prefix} in name order, without indexes and without Hadoop's hidden names. */
    private List<String> dataFiles(String prefix) {
        List<String> files = new ArrayList<>();
        try (SectorClient storage = sector.client()) {
            String after = null;
            do {
                FileListing page = storage.list(prefix, 0, after);
                for (FileEntry file : page.files()) {
                    if (!hidden(file.name().substring(prefix.length())) && !file.name().endsWith(".idx")) {
                        files.add(file.name());
                    }
                }
                after = page.next();
            } while (after != null);
        }
        return files;
    }

    private static boolean hidden(String relativeName) {
        for (String segment : relativeName.split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
