package io.sectorsphere.cli;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands need from the process around them, in one place so that tests can hand in their
 * own: variables, directories, the raw streams and whether they are terminals.
 *
 * @param variables the environment variables
 * @param launchDirectory where the JVM runs; {@code .sector/local/cluster.json} is looked up here,
 *     because the {@code ./sector} wrapper runs from the repository root
 * @param workingDirectory where the user typed the command: relative local file names resolve here
 *     ({@value #CALLER_DIRECTORY_VARIABLE} when a wrapper changed directory before starting the JVM)
 * @param stdout standard output as bytes, for file content: picocli's writer is for text
 * @param stderr standard error as bytes, for the progress bar, which wants a {@link PrintStream}
 * @param stdoutIsTerminal whether standard output is a terminal, where file content is not wanted
 * @param stderrIsTerminal whether standard error is a terminal, which can show a Unicode bar
 */
record CliEnvironment(Map<String, String> variables, Path launchDirectory, Path workingDirectory,
                      OutputStream stdout, PrintStream stderr, boolean stdoutIsTerminal, boolean stderrIsTerminal) {

    /** Set by a wrapper script to the directory it was called from, before it changes directory. */
    static final String CALLER_DIRECTORY_VARIABLE = "SECTOR_CWD";

    CliEnvironment {
        variables = Map.copyOf(variables);
        launchDirectory = launchDirectory.toAbsolutePath();
        workingDirectory = launchDirectory.resolve(workingDirectory).toAbsolutePath();
    }

    /** This process's environment and streams. */
    static CliEnvironment system() {
        Map<String, String> variables = System.getenv();
        Path launch = Path.of("").toAbsolutePath();
        String caller = variables.get(CALLER_DIRECTORY_VARIABLE);
        Path working = caller == null || caller.isBlank() ? launch : Path.of(caller);
        // Not System.out: a PrintStream swallows write errors, so a closed pipe would go unnoticed
        // and the whole file would be downloaded into nothing.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        return new CliEnvironment(variables, launch, working, stdout, System.err, isTerminal(1), isTerminal(2));
    }

    /** The value of {@code name}, or null when unset or blank. */
    String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A local file named on the command line, relative to where the user is. */
    Path localPath(Path path) {
        return workingDirectory.resolve(path).normalize();
    }

    /**
     * Whether file descriptor {@code fd} is a terminal. The JDK only says whether stdin and stdout
     * both are ({@link Console#isTerminal()}), so on Linux the descriptor's target is read instead.
     */
    private static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Console console = System.console();
            return console != null && console.isTerminal();
        }
    }
}
