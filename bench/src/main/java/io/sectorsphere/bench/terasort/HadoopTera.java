package io.sectorsphere.bench.terasort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hadoop 3.3.6's TeraGen, TeraSort and TeraValidate in local mode (LocalJobRunner, {@code file://}
 * paths, no configuration files), each in a JVM of its own with the settings of peers/README.md.
 */
final class HadoopTera {

    private static final String PACKAGE = "org.apache.hadoop.examples.terasort.";
    /** What mattered on 2 cores (peers/README.md); at the default shuffle buffer share 4 GB ran out of heap. */
    private static final List<String> SORT_SETTINGS = List.of(
            "-Dmapreduce.job.reduces=2",
            "-Dmapreduce.local.map.tasks.maximum=2",
            "-Dmapreduce.local.reduce.tasks.maximum=2",
            "-Dmapreduce.task.io.sort.mb=256",
            "-Dmapreduce.reduce.shuffle.input.buffer.percent=0.30");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ChildJvm jvm;
    private final Path work;

    /** @param work where logs and Hadoop's temporary directory go */
    HadoopTera(Path javaHome, String classPath, Path work) {
        this.jvm = new ChildJvm(javaHome, "6g", classPath, List.of());
        this.work = work;
    }

    /** TeraGen's rows 0..rows-1 into {@code output} (one map in local mode: {@code part-m-00000}). */
    double teragen(long rows, Path output) {
        return run("TeraGen", List.of(), List.of(Long.toString(rows), uri(output)), "teragen");
    }

    double terasort(Path input, Path output, String logName) {
        return run("TeraSort", SORT_SETTINGS, List.of(uri(input), uri(output)), logName);
    }

    /**
     * TeraValidate over the part files of {@code sorted} in name order; its report goes to {@code report}.
     *
     * @return the report: the checksum line, and a line per record out of order if any
     */
    TeraValidateReport teravalidate(Path sorted, Path report) {
        run("TeraValidate", List.of(), List.of(uri(sorted), uri(report)), "teravalidate");
        List<String> lines = new ArrayList<>();
        for (Path part : TeraRecords.dataFiles(report)) {
            try {
                lines.addAll(Files.readAllLines(part));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read TeraValidate's report " + part, e);
            }
        }
        return TeraValidateReport.parse(lines);
    }

    private double run(String tool, List<String> settings, List<String> args, String logName) {
        List<String> all = new ArrayList<>();
        all.add("-Dhadoop.tmp.dir=" + work.resolve("hadoop-tmp"));
        all.addAll(settings);
        all.addAll(args);
        return jvm.run(PACKAGE + tool, all, work.resolve(logName + ".log"), TIMEOUT);
    }

    private static String uri(Path path) {
        return path.toAbsolutePath().toUri().toString();
    }
}
