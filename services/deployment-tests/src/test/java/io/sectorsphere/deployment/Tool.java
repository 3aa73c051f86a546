package io.sectorsphere.deployment;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An external command-line checker (docker-compose, promtool) that tests use when it is installed. */
record Tool(String name, String debianPackage) {

    record Result(int exitCode, String stdout, String stderr) {

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    static final Tool DOCKER_COMPOSE = new Tool("docker-compose", "docker-compose");
    static final Tool PROMTOOL = new Tool("promtool", "prometheus");

    boolean installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test where the tool is missing; CI installs it, so there it runs. */
    void assumeInstalled() {
        assumeTrue(installed(), name + " is not on PATH: install Debian's '" + debianPackage + "' package to run this check");
    }

    Result run(Path workDir, String... args) {
        return run(workDir, environment -> { }, args);
    }

    /** Runs the tool with the environment of this JVM as {@code environment} edits it. */
    Result run(Path workDir, Consumer<Map<String, String>> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(name));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(name, ".out");
            Path err = Files.createTempFile(name, ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command);
                environment.accept(builder.environment());
                Process process = builder
                        .directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
                }
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + name, e);
        }
    }
}
