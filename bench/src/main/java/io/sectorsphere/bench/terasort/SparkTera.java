package io.sectorsphere.bench.terasort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark 3.5.3's Terasort ({@code io.sectorsphere.bench.peers.spark.SparkTeraSort} in bench/peers/spark)
 * in a JVM of its own with the heap Hadoop gets. Spark 3.5 on Java 17 needs the JDK's internals
 * opened, as its launcher scripts do (Spark's {@code JavaModuleOptions}).
 */
final class SparkTera {

    private static final String DRIVER = "io.sectorsphere.bench.peers.spark.SparkTeraSort";
    private static final List<String> MODULE_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final ChildJvm jvm;
    private final Path work;

    /** @param work where logs and Spark's scratch directory go */
    SparkTera(Path javaHome, String classPath, Path work) {
        List<String> options = new ArrayList<>(MODULE_OPTIONS);
        options.add("-Dspark.local.dir=" + work.resolve("spark-tmp"));
        this.jvm = new ChildJvm(javaHome, "6g", classPath, List.copyOf(options));
        this.work = work;
    }

    double terasort(Path input, Path output, int partitions, String logName) {
        return jvm.run(DRIVER, List.of(input.toString(), output.toString(), Integer.toString(partitions)),
                work.resolve(logName + ".log"), TIMEOUT);
    }
}
