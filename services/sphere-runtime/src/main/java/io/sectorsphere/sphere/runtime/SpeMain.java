package io.sectorsphere.sphere.runtime;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A Sphere processing element: a child JVM that its worker starts and feeds segment attempts, one
 * at a time, on standard input, and that reports on standard output. A function that throws fails
 * its attempt only; one that hangs or exhausts memory takes this JVM with it, which the worker
 * notices and replaces. Functions' own prints go to standard error, so they cannot garble reports.
 */
public final class SpeMain {

    private SpeMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream reports = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        DataInputStream requests = new DataInputStream(new BufferedInputStream(System.in));
        SpeRequest request;
        while ((request = SpeRequest.readFrom(requests)) != null) {
            SpeEvent outcome;
            try {
                outcome = AttemptExecution.run(request, () -> report(reports, new SpeEvent.UnitStarted()));
            } catch (Exception | LinkageError | StackOverflowError e) {
                outcome = new SpeEvent.Failed(describe(e));
            }
            report(reports, outcome);
        }
    }

    private static void report(PrintStream reports, SpeEvent event) {
        reports.println(SpeEvent.encode(event));
        reports.flush();
    }

    /** The function's own message first, as the job reports it to its submitter. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String type = failure.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
