package io.sectorsphere.sphere.operators;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.Input;
import io.sectorsphere.sphere.api.Output;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sphere's {@code sphere_stream} (Hadoop Streaming's idea): runs {@code /bin/sh -c COMMAND} (the
 * parameters) once per unit in the scratch directory, with the unit's records, as they are, on its
 * standard input, and writes each line of its standard output as a record (with its {@code \n}).
 * With buckets a line's first tab-separated token is its bucket id, and the rest of the line is
 * the record. A non-zero exit, or a bad bucket id, fails the attempt with a message that quotes the
 * command's standard error or the line.
 *
 * <p>Records are fed from a thread of their own and stderr is drained by another, so a command that
 * writes a lot before it reads everything cannot deadlock against us.
 */
public final class StreamOperator implements SphereFunction {

    private static final int STDERR_TAIL_BYTES = 4096;

    private String command;

    @Override
    public void open(Context context) {
        command = context.parameterText().trim();
        if (command.isEmpty()) {
            throw new IllegalArgumentException("stream needs a shell command as its parameters");
        }
    }

    @Override
    public void process(Input input, Output output, Context context) throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", command)
                .directory(context.scratchDirectory().toFile())
                .start();
        try {
            AtomicReference<Exception> inputFailure = new AtomicReference<>();
            Thread feeder = Thread.ofPlatform().daemon().name("stream-stdin").start(
                    () -> feed(input, process.getOutputStream(), inputFailure));
            StderrTail stderr = new StderrTail(process.getErrorStream(), STDERR_TAIL_BYTES);
            Thread drainer = Thread.ofPlatform().daemon().name("stream-stderr").start(stderr);
            copyLines(process.getInputStream(), output, context.bucketCount());
            int exit = process.waitFor();
            feeder.join();
            drainer.join();
            if (exit != 0) {
                throw new IOException("stream: '" + command + "' exited with " + exit + "; its stderr ends: "
                        + stderr.text());
            }
            if (inputFailure.get() != null) {
                throw inputFailure.get();
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Writes the unit's records to the command. A command may stop reading early (head -1): a
     * failed write ends the feeding quietly, and the exit status tells whether that was fine. A
     * failure to read the input is kept for the caller.
     */
    private static void feed(Input input, OutputStream stdin, AtomicReference<Exception> failure) {
        OutputStream out = new BufferedOutputStream(stdin, 1 << 16);
        try {
            Records records = input.records();
            while (records.next()) {
                if (!writeQuietly(out, records)) {
                    return;
                }
            }
        } catch (Exception e) {
            failure.set(e);
        } finally {
            try {
                out.close();
            } catch (IOException closed) {
                // the command closed its input already
            }
        }
    }

    private static boolean writeQuietly(OutputStream out, Records records) {
        try {
            out.write(records.buffer(), records.offset(), records.length());
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private void copyLines(InputStream stdout, Output output, int buckets) throws IOException {
        LineBuffer line = new LineBuffer();
        byte[] chunk = new byte[1 << 16];
        try (stdout) {
            int read;
            while ((read = stdout.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] == '\n') {
                        line.append(chunk, start, i + 1);
                        emit(line, output, buckets);
                        line.clear();
                        start = i + 1;
                    }
                }
                line.append(chunk, start, read);
            }
            if (line.length() > 0) {
                line.append(new byte[] {'\n'}, 0, 1);
                emit(line, output, buckets);
            }
        }
    }

    private void emit(LineBuffer line, Output output, int buckets) throws IOException {
        if (buckets == 0) {
            output.write(line.bytes(), 0, line.length());
            return;
        }
        int tab = line.indexOf((byte) '\t');
        int end = tab < 0 ? line.length() - 1 : tab;
        int bucket;
        try {
            bucket = Integer.parseInt(new String(line.bytes(), 0, end, StandardCharsets.UTF_8).trim());
        } catch (NumberFormatException e) {
            bucket = -1;
        }
        if (tab < 0 || bucket < 0 || bucket >= buckets) {
            throw new IOException("stream: '" + command + "' wrote a line whose first tab-separated token is not a bucket id"
                    + " in 0.." + (buckets - 1) + ": '" + line.preview() + "'");
        }
        output.write(bucket, line.bytes(), tab + 1, line.length() - tab - 1);
    }
}
