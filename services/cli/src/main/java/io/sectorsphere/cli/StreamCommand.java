package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
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

/**
 * {@code sector stream}: Sphere's {@code sphere_stream}, Hadoop Streaming's idea. A shell command
 * runs on every segment with its records on standard input; its output lines are the job's output,
 * a file per segment, or with {@code -b} routed to buckets by each line's first tab-separated token.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Run a shell command on every segment of the input, next to the data, and keep its output.",
            "The records arrive on the command's stdin; its stdout lines become OUTPUT/part-NNNNN, one per segment, "
                + "or with -b N the files OUTPUT/bucket-NNNNN, each line going to the bucket its first "
                + "tab-separated token names.",
            "Example: sector stream -i demo/ -o demo-upper -c 'tr a-z A-Z'"})
final class StreamCommand extends ClusterCommand {

    @Option(names = {"-i", "--input"}, paramLabel = "NAME|PREFIX/", required = true,
            description = "A file, or with a trailing / every file below a prefix; repeatable.")
    private List<String> inputs;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT", required = true,
            description = "The output prefix; it must not exist.")
    private String output;

    @Option(names = {"-c", "--command"}, paramLabel = "'COMMAND ARGS'", required = true,
            description = "The command line, run by sh -c on the node.")
    private String command;

    @Option(names = {"-b", "--buckets"}, paramLabel = "N", description = "Route the lines into N buckets.")
    private Integer buckets;

    @Option(names = "--format", paramLabel = "lines|index|fixed:N", defaultValue = "lines",
            description = "How the input's records are found. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() {
        if (buckets != null && buckets < 1) {
            throw new ParameterException(spec.commandLine(), "-b must be at least 1, not " + buckets);
        }
        if (command.isBlank()) {
            throw new ParameterException(spec.commandLine(), "-c needs a command");
        }
        OutputRequest target = buckets == null ? new OutputRequest("LOCAL", output, null, null)
                : new OutputRequest("BUCKETS", output, buckets, null);
        JobRequest job;
        try {
            job = new JobRequest("stream " + output, JobInputs.of(inputs), format,
                    List.of(new StageRequest("stream", null, "SEGMENT", null, command, null, target)), null, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        JobStatus finished;
        try (SphereClient sphere = sector.sphereClient()) {
            finished = new JobRunner(sphere, sector.environment(), progressOption.wanted()).run(job);
        }
        PrintWriter out = spec.commandLine().getOut();
        finished.outputs().forEach(out::println);
        spec.commandLine().getErr().println(JobReports.summary(finished));
        return ExitCodes.OK;
    }
}
