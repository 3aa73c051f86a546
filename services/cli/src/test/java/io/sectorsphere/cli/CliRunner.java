package io.sectorsphere.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code sector} in this JVM as a user would: picocli's text output and the raw bytes of file
 * content share one captured stdout, the error lines and the progress bar one captured stderr, and
 * the environment is the test's own, so "nothing but content on stdout" can be checked byte for byte.
 */
final class CliRunner {

    private final Map<String, String> variables = new HashMap<>();
    private final Path launchDirectory;
    private Path workingDirectory;
    private boolean stdoutIsTerminal;
    private boolean stderrIsTerminal;
    private ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private OutputStream contentOut;

    /** @param launchDirectory where the JVM would run, and the user too unless {@link #inDirectory} says otherwise */
    CliRunner(Path launchDirectory) {
        this.launchDirectory = launchDirectory;
        this.workingDirectory = launchDirectory;
    }

    CliRunner variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    CliRunner inDirectory(Path directory) {
        workingDirectory = directory;
        return this;
    }

    CliRunner stdoutIsTerminal(boolean terminal) {
        stdoutIsTerminal = terminal;
        return this;
    }

    /** Where file content goes instead of the captured stdout, e.g. a stream that fails like a closed pipe. */
    CliRunner stdout(OutputStream content) {
        contentOut = content;
        return this;
    }

    CliRunner stderrIsTerminal(boolean terminal) {
        stderrIsTerminal = terminal;
        return this;
    }

    /** Runs one command with fresh captures; returns its exit code. */
    int run(String... args) {
        stdout = new ByteArrayOutputStream();
        stderr = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(variables, launchDirectory, workingDirectory,
                contentOut != null ? contentOut : stdout,
                errStream, stdoutIsTerminal, stderrIsTerminal);
        CommandLine command = SectorCommand.commandLine(cluster -> {
        }, environment);
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(errStream, StandardCharsets.UTF_8), true);
        command.setOut(out);
        command.setErr(err);
        int code = command.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    byte[] stdoutBytes() {
        return stdout.toByteArray();
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
