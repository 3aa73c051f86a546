package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.Context;
import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.Records;
import io.sectorsphere.sphere.api.SphereFunction;
import io.sectorsphere.sphere.api.UnitKind;
import io.sectorsphere.sphere.runtime.records.RecordCursor;
import io.sectorsphere.sphere.runtime.records.RecordIndex;
import io.sectorsphere.sphere.runtime.records.RecordReaders;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Runs one segment attempt in this JVM: loads the function, hands it the segment unit by unit, and
 * closes its output files. Reports each unit's start, so the worker can time units out.
 */
final class AttemptExecution {

    /** Told when a unit starts. */
    @FunctionalInterface
    interface UnitListener {
        void unitStarted() throws IOException;
    }

    private AttemptExecution() {
    }

    static SpeEvent.Finished run(SpeRequest request, UnitListener listener) throws Exception {
        Files.createDirectories(request.outputDir());
        Files.createDirectories(request.scratchDir());
        Files.createDirectories(request.stateDir());
        Context context = new AttemptContext(request.jobId(), request.stage(), request.parameters(), request.buckets(),
                request.scratchDir(), request.stateDir());
        try (FunctionLoader.Loaded loaded = FunctionLoader.load(request.operator(), request.jar());
             AttemptOutput output = new AttemptOutput(request.outputDir(), request.buckets(), request.writeIndex());
             RecordCursor cursor = RecordReaders.open(request.file(), request.format(), request.offset(),
                     request.length())) {
            SphereFunction function = loaded.function();
            function.open(context);
            long perUnit = request.unit() == UnitKind.RECORDS ? Math.max(1, request.recordsPerUnit()) : Long.MAX_VALUE;
            SegmentRecords records = new SegmentRecords(cursor, perUnit);
            long firstRecord = firstRecord(request);
            if (request.unit() == UnitKind.FILE) {
                runFile(request, function, records.nextUnit(), output, context, listener);
            } else {
                long unit = 0;
                while (records.hasMore()) {
                    listener.unitStarted();
                    long first = firstRecord < 0 ? -1 : firstRecord + unit * perUnit;
                    function.process(new UnitInput(request.name(), request.offset(), request.length(), first,
                            records.nextUnit(), request.file(), 0), output, context);
                    unit++;
                }
            }
            function.close(output, context);
            output.close();
            return new SpeEvent.Finished(records.delivered(), request.length(), output.records(), output.bytes());
        }
    }

    /** A whole file, maybe in several calls: each may ask to be called again further on. */
    private static void runFile(SpeRequest request, SphereFunction function, Records records, AttemptOutput output,
                                Context context, UnitListener listener) throws Exception {
        long position = 0;
        while (true) {
            listener.unitStarted();
            function.process(new UnitInput(request.name(), 0, request.length(), 0, records, request.file(), position),
                    output, context);
            long next = output.takeResumePosition();
            if (next < 0) {
                return;
            }
            if (next <= position) {
                throw new IllegalStateException("a function asked to resume at " + next + ", not past " + position);
            }
            position = next;
        }
    }

    private static long firstRecord(SpeRequest request) throws IOException {
        RecordFormat format = request.format();
        return switch (format.kind()) {
            case FIXED -> request.offset() / format.size();
            case LINES -> -1;
            case INDEX -> {
                try (RecordIndex index = RecordIndex.open(request.file(), Files.size(request.file()))) {
                    yield index.firstRecordAtOrAfter(request.offset());
                }
            }
        };
    }
}
