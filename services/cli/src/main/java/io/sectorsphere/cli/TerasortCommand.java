package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.sphere.JobInput;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sector terasort}: two stages over 100-byte records, bucketing by key range into
 * {@code OUT/_buckets} (deleted after the job), then sorting each bucket into {@code OUT/part-NNNNN},
 * so that the parts in name order hold the records in key order.
 */
@Command(name = "terasort", mixinStandardHelpOptions = true,
        description = {"Sort Terasort records (100 bytes, 10-byte key) from IN into OUT/part-NNNNN, in key order "
                + "across the parts in name order.",
            "Example: sector terasort tera/in tera/out"})
final class TerasortCommand extends ClusterCommand {

    static final String RECORD_FORMAT = "fixed:100";

    @Parameters(index = "0", paramLabel = "IN", description = "The input prefix, e.g. what teragen wrote.")
    private String input;

    @Parameters(index = "1", paramLabel = "OUT", description = "The output prefix; it must not exist.")
    private String output;

    @Option(names = "--buckets", paramLabel = "N",
            description = "Key ranges, one output file each; default: 2 per node.")
    private Integer buckets;

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() {
        if (buckets != null && buckets < 1) {
            throw new ParameterException(spec.commandLine(), "--buckets must be at least 1, not " + buckets);
        }
        String prefix = output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
        int bucketCount = buckets != null ? buckets : 2 * ClusterNodes.count(sector);
        JobRequest job = new JobRequest("terasort " + prefix,
                new JobInput(null, List.of(JobInputs.directory(input))), RECORD_FORMAT,
                List.of(new StageRequest("terasort-bucket", null, null, null, null, null,
                                new OutputRequest("BUCKETS", prefix + "/_buckets", bucketCount, true)),
                        new StageRequest("terasort-sort", null, "FILE", null, null, RECORD_FORMAT,
                                new OutputRequest("LOCAL", prefix, null, null))),
                null, null);
        JobStatus finished;
        try (SphereClient sphere = sector.sphereClient()) {
            finished = new JobRunner(sphere, sector.environment(), progressOption.wanted()).run(job);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("terasort %s -> %s/ in %d buckets%n", input, prefix, bucketCount);
        out.println(JobReports.summary(finished));
        return ExitCodes.OK;
    }
}
