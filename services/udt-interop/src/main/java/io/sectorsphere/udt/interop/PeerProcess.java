package io.sectorsphere.udt.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running transfer peer that speaks the peer protocol on stderr: {@code listening port=P} once a
 * server is bound, then either {@code done ...} (see {@link PeerResult}) or {@code error <message>}.
 *
 * <p>Any program following that protocol can be wrapped — the libudt peer and the project's own
 * perf tool alike. Stderr is drained on a virtual thread so a chatty peer never blocks; stdin and
 * stdout stay with the caller for {@code --data stdio}. Closing destroys the process if it still runs.
 */
public final class PeerProcess implements AutoCloseable {

    private static final String LISTENING = "listening port=";
    private static final String ERROR = "error ";

    private final Process process;
    private final String name;
    private final CompletableFuture<Integer> listeningPort = new CompletableFuture<>();
    private final CompletableFuture<PeerResult> result = new CompletableFuture<>();
    private final List<String> stderrLines = Collections.synchronizedList(new ArrayList<>());

    private PeerProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        Thread.ofVirtual().name("peer-stderr-" + process.pid()).start(this::readStderr);
    }

    /**
     * Starts {@code command}; stdout is discarded unless {@code keepStdout}, stdin stays a pipe.
     * {@code name} says which peer it is in error messages (the command may start with a prefix).
     */
    public static PeerProcess start(String name, List<String> command, boolean keepStdout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (!keepStdout) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        return new PeerProcess(builder.start(), name);
    }

    public Process process() {
        return process;
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public InputStream stdout() {
        return process.getInputStream();
    }

    /** The port a server peer bound, once it says so. */
    public int awaitListeningPort(Duration timeout) throws IOException, InterruptedException {
        return await(listeningPort, timeout, "a listening port");
    }

    /** The peer's summary once it exits successfully; fails with its error line otherwise. */
    public PeerResult awaitResult(Duration timeout) throws IOException, InterruptedException {
        return await(result, timeout, "the done line");
    }

    /** Everything the peer wrote to stderr so far, for diagnostics. */
    public List<String> stderrLines() {
        synchronized (stderrLines) {
            return List.copyOf(stderrLines);
        }
    }

    @Override
    public void close() {
        Processes.end(process);
    }

    private <T> T await(CompletableFuture<T> future, Duration timeout, String what)
            throws IOException, InterruptedException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new IOException("no " + what + " within " + timeout + " from " + name + "; stderr: " + stderrLines());
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void readStderr() {
        PeerResult done = null;
        String error = null;
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                stderrLines.add(line);
                if (line.startsWith(LISTENING)) {
                    listeningPort.complete(Integer.parseInt(line.substring(LISTENING.length()).trim()));
                } else if (PeerResult.isDoneLine(line)) {
                    done = PeerResult.parse(line);
                } else if (line.startsWith(ERROR)) {
                    error = line.substring(ERROR.length());
                }
            }
            int status = process.waitFor();
            if (done != null && status == 0) {
                result.complete(done);
            } else {
                String reason = error != null ? error : "exit status " + status + ", stderr: " + stderrLines();
                result.completeExceptionally(new IOException(name + " failed: " + reason));
            }
        } catch (IOException | RuntimeException e) {
            result.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(e);
        }
        listeningPort.completeExceptionally(
                new IOException(name + " ended before listening: " + (error != null ? error : stderrLines())));
    }
}
