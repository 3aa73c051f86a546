package io.sectorsphere.cli;

import io.sectorsphere.client.SphereClient;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.JobStatus;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code sector job submit}: starts a one-stage job described by options, or any job from a JSON
 * file, and prints its id; with {@code --wait}, follows it to the end.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Start a Sphere job and print its id (with --wait, wait for it and print a summary).",
            "A one-stage job from the options, or any job from a JSON file (-f), the body of POST /api/v1/jobs.",
            "Example: sector job submit -i logs/ --format lines --operator grep --params ERROR --wait"})
final class JobSubmitCommand extends JobSubcommand {

    /** The units a function can be called on. */
    enum Unit { RECORDS, SEGMENT, FILE }

    @Option(names = {"-f", "--file"}, paramLabel = "JOB.json",
            description = "The whole job as JSON; then no stage options.")
    private Path jobFile;

    @Option(names = {"-i", "--input"}, paramLabel = "NAME|PREFIX/",
            description = "A file, or with a trailing / every file below a prefix; repeatable.")
    private List<String> inputs;

    @Option(names = "--format", paramLabel = "index|lines|fixed:N",
            description = "How records are found: by the files' .idx, as text lines, or N bytes each. "
                    + "Default: the worker's (index).")
    private String format;

    @Option(names = "--operator", paramLabel = "NAME|CLASS",
            description = "A built-in (identity, grep, wordcount, sum, stream, ...) or a class in --jar.")
    private String operator;

    @Option(names = "--jar", paramLabel = "NAME", description = "The Sector name of a JAR holding --operator.")
    private String jar;

    @Option(names = "--unit", paramLabel = "records|segment|file",
            description = "What the function is called on. Default: segment.")
    private Unit unit;

    @Option(names = "--records-per-unit", paramLabel = "N", description = "Records per call with --unit records.")
    private Integer recordsPerUnit;

    @Option(names = "--params", paramLabel = "TEXT", description = "The function's parameters, e.g. grep's regex.")
    private String params;

    @Option(names = {"-o", "--output"}, paramLabel = "caller|local:PREFIX|buckets:N:PREFIX",
            converter = OutputSpec.class,
            description = "Where records go: back to the caller (sector job results), a file per segment "
                    + "PREFIX/part-NNNNN, or N buckets PREFIX/bucket-NNNNN. Default: caller.")
    private OutputRequest output;

    @Option(names = "--name", paramLabel = "TEXT", description = "A label for the job in listings.")
    private String name;

    @Option(names = "--wait", description = "Wait for the job with a progress bar; exit non-zero if it fails.")
    private boolean await;

    @Mixin
    private JobProgressOption progressOption;

    @Override
    public Integer call() throws IOException {
        JobRequest request = request();
        PrintWriter out = spec.commandLine().getOut();
        try (SphereClient client = sector().sphereClient()) {
            JobRunner runner = new JobRunner(client, sector().environment(), progressOption.wanted());
            JobStatus started = runner.submit(request);
            if (!await) {
                out.println(started.id());
                return ExitCodes.OK;
            }
            JobStatus finished = runner.await(started.id());
            out.println(JobReports.summary(finished));
            finished.outputs().forEach(out::println);
        }
        return ExitCodes.OK;
    }

    private JobRequest request() throws IOException {
        boolean stageOptions = inputs != null || format != null || operator != null || jar != null || unit != null
                || recordsPerUnit != null || params != null || output != null || name != null;
        if (jobFile != null) {
            if (stageOptions) {
                throw new ParameterException(spec.commandLine(), "-f takes the whole job from the file: "
                        + "no -i, --operator or other job options beside it");
            }
            return JobFile.read(sector().environment().localPath(jobFile));
        }
        if (operator == null || operator.isBlank()) {
            throw new ParameterException(spec.commandLine(), "a job needs --operator (or -f JOB.json)");
        }
        if (recordsPerUnit != null && (unit != Unit.RECORDS || recordsPerUnit < 1)) {
            throw new ParameterException(spec.commandLine(), "--records-per-unit needs --unit records and at least 1");
        }
        StageRequest stage = new StageRequest(operator.strip(), jar,
                unit == null ? null : unit.name(), recordsPerUnit, params, null,
                output != null ? output : OutputSpec.parse("caller"));
        try {
            return new JobRequest(name, JobInputs.of(inputs), format,
                    List.of(stage), null, null);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
