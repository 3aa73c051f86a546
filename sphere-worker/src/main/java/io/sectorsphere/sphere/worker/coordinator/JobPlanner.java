package io.sectorsphere.sphere.worker.coordinator;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.file.FileEntry;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.common.sphere.JobRequest;
import io.sectorsphere.common.sphere.OutputRequest;
import io.sectorsphere.common.sphere.StageRequest;
import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import io.sectorsphere.sphere.operators.BuiltInOperators;
import io.sectorsphere.sphere.worker.cluster.StorageGateway;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import io.sectorsphere.sphere.worker.job.InputFile;
import io.sectorsphere.sphere.worker.job.JobSpec;
import io.sectorsphere.sphere.worker.job.OutputSpec;
import io.sectorsphere.sphere.worker.job.StageSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a submitted job and turns it into a {@link JobSpec}: every input file exists, every
 * operator is known (a built-in, or a class present in a JAR stored in Sector), parameters are
 * within their limit, and no output prefix holds files yet. Nothing runs and nothing is written
 * unless all of that holds.
 */
final class JobPlanner {

    /** Records per call of a {@code RECORDS} unit when a stage does not say. */
    static final int DEFAULT_RECORDS_PER_UNIT = 1000;
    private static final int MAX_BUCKETS = 65536;
    /** How long a just-stored file may take to appear on the ring. */
    static final Duration PUBLISH_GRACE = Duration.ofSeconds(20);

    private final StorageGateway storage;
    private final String storageUrl;
    private final SphereProperties properties;
    private final Path scratch;

    JobPlanner(StorageGateway storage, String storageUrl, SphereProperties properties, Path scratch) {
        this.storage = storage;
        this.storageUrl = storageUrl;
        this.properties = properties;
        this.scratch = scratch;
    }

    JobSpec plan(String id, JobRequest request, String token, String account) {
        if (request.stages().isEmpty()) {
            throw new IllegalArgumentException("a job needs at least one stage");
        }
        RecordFormat format = RecordFormat.parse(request.format() == null ? "lines" : request.format());
        List<StageSpec> stages = new ArrayList<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < request.stages().size(); i++) {
            StageSpec stage = stage(i, request.stages().get(i), i == 0 ? format : null,
                    i == request.stages().size() - 1);
            if (stage.output().prefix() != null && !prefixes.add(stage.output().prefix())) {
                throw new IllegalArgumentException("two stages write to " + stage.output().prefix());
            }
            stages.add(stage);
        }
        long min = request.segmentMinBytes() == null ? properties.segments().min().toBytes() : request.segmentMinBytes();
        long max = request.segmentMaxBytes() == null ? Math.max(min, properties.segments().max().toBytes())
                : request.segmentMaxBytes();
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("segment sizes need 1 <= segmentMinBytes <= segmentMaxBytes");
        }
        List<InputFile> input = input(request);
        for (StageSpec stage : stages) {
            if (stage.jar() != null) {
                requireFunctionIn(stage.jar(), stage.operator());
            }
            if (stage.output().prefix() != null && !storage.list(storageUrl, stage.output().prefix() + "/").isEmpty()) {
                throw new OutputExistsException("the output prefix " + stage.output().prefix() + "/ holds files already");
            }
        }
        String name = request.name() == null || request.name().isBlank() ? stages.getFirst().operator() : request.name();
        return new JobSpec(id, name, input, stages, min, max, token, account, Instant.now());
    }

    private StageSpec stage(int index, StageRequest request, RecordFormat firstFormat, boolean last) {
        String where = "stage " + index + ": ";
        if (request == null || request.operator() == null || request.operator().isBlank()) {
            throw new IllegalArgumentException(where + "an operator is required");
        }
        String jar = request.jar() == null || request.jar().isBlank() ? null : FileName.of(request.jar()).value();
        if (jar == null && !BuiltInOperators.names().contains(request.operator())) {
            throw new IllegalArgumentException(where + "no built-in operator is called " + request.operator()
                    + " (built-ins: " + String.join(", ", new java.util.TreeSet<>(BuiltInOperators.names()))
                    + "); a function of your own needs its JAR");
        }
        UnitKind unit = request.unit() == null ? UnitKind.SEGMENT : parseUnit(where, request.unit());
        int perUnit = request.recordsPerUnit() == null ? DEFAULT_RECORDS_PER_UNIT : request.recordsPerUnit();
        if (perUnit < 1) {
            throw new IllegalArgumentException(where + "recordsPerUnit must be at least 1");
        }
        byte[] parameters = request.parameters() == null ? new byte[0]
                : request.parameters().getBytes(StandardCharsets.UTF_8);
        long limit = properties.coordination().maxParameters().toBytes();
        if (parameters.length > limit) {
            throw new IllegalArgumentException(where + "parameters are " + parameters.length + " bytes, at most "
                    + limit + " are allowed");
        }
        RecordFormat format = firstFormat != null ? firstFormat
                : RecordFormat.parse(request.format() == null ? "index" : request.format());
        return new StageSpec(index, request.operator(), jar, unit, perUnit, parameters, format,
                output(where, request.output(), last));
    }

    private static UnitKind parseUnit(String where, String unit) {
        try {
            return UnitKind.valueOf(unit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "unit must be RECORDS, SEGMENT or FILE, not " + unit);
        }
    }

    private static OutputSpec output(String where, OutputRequest request, boolean last) {
        if (request == null || request.kind() == null) {
            throw new IllegalArgumentException(where + "an output (CALLER, LOCAL or BUCKETS) is required");
        }
        OutputSpec.Kind kind;
        try {
            kind = OutputSpec.Kind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "output must be CALLER, LOCAL or BUCKETS, not " + request.kind());
        }
        boolean temporary = Boolean.TRUE.equals(request.temporary());
        if (kind == OutputSpec.Kind.CALLER) {
            if (!last) {
                throw new IllegalArgumentException(where + "only the last stage can return its output to the caller");
            }
            return new OutputSpec(kind, null, 0, false);
        }
        if (request.prefix() == null || request.prefix().isBlank()) {
            throw new IllegalArgumentException(where + "output to " + kind + " needs a name prefix");
        }
        String prefix = FileName.of(request.prefix().endsWith("/")
                ? request.prefix().substring(0, request.prefix().length() - 1) : request.prefix()).value();
        int buckets = 0;
        if (kind == OutputSpec.Kind.BUCKETS) {
            buckets = request.buckets() == null ? 0 : request.buckets();
            if (buckets < 1 || buckets > MAX_BUCKETS) {
                throw new IllegalArgumentException(where + "buckets must lie in 1.." + MAX_BUCKETS);
            }
        }
        if (temporary && last) {
            throw new IllegalArgumentException(where + "the last stage's output cannot be temporary");
        }
        return new OutputSpec(kind, prefix, buckets, temporary);
    }

    /** Named files and every file under each prefix, by name; record indexes and names in {@code _x} or {@code .x} left out. */
    private List<InputFile> input(JobRequest request) {
        if (request.input() == null || request.input().files().isEmpty() && request.input().prefixes().isEmpty()) {
            throw new IllegalArgumentException("a job needs input: files or name prefixes");
        }
        TreeMap<String, InputFile> files = new TreeMap<>();
        for (String name : request.input().files()) {
            FileName.of(name);
            files.put(name, located(name));
        }
        for (String prefix : request.input().prefixes()) {
            List<FileEntry> listed = storage.list(storageUrl, prefix).stream()
                    .filter(entry -> isData(entry.name(), prefix)).toList();
            if (listed.isEmpty()) {
                throw new InputNotFoundException("no file's name starts with " + prefix);
            }
            for (FileEntry entry : listed) {
                files.computeIfAbsent(entry.name(), this::located);
            }
        }
        return List.copyOf(files.values());
    }

    private static boolean isData(String name, String prefix) {
        if (name.endsWith(".idx")) {
            return false;
        }
        for (String segment : name.substring(Math.min(prefix.length(), name.length())).split("/")) {
            if (segment.startsWith("_") || segment.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file's holders from the ring. A file stored a moment ago may not be published yet, so an
     * unknown name is asked again for a few seconds before it counts as missing.
     */
    private InputFile located(String name) {
        long deadline = System.nanoTime() + PUBLISH_GRACE.toNanos();
        Optional<FileMeta> found = storage.meta(storageUrl, name);
        while (found.map(meta -> meta.replicas().isEmpty()).orElse(true) && System.nanoTime() < deadline) {
            pause();
            found = storage.meta(storageUrl, name);
        }
        FileMeta meta = found.orElseThrow(() -> new InputNotFoundException("no storage node holds " + name));
        List<Replica> replicas = meta.replicas();
        if (replicas.isEmpty()) {
            throw new InputNotFoundException("no live copy of " + name + " is known");
        }
        return new InputFile(name, meta.size(), replicas.stream().map(Replica::holder).toList(),
                replicas.stream().map(Replica::httpAddress).toList());
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    /** The JAR must be a JAR (a zip) stored in Sector and hold the class; its code is not run here. */
    private void requireFunctionIn(String jar, String className) {
        if (!className.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.$]*")) {
            throw new IllegalArgumentException(className + " is not a Java class name");
        }
        if (storage.meta(storageUrl, jar).isEmpty()) {
            throw new InputNotFoundException("no storage node holds the JAR " + jar);
        }
        try {
            Files.createDirectories(scratch);
            Path copy = Files.createTempFile(scratch, "operator", ".jar");
            try {
                storage.download(storageUrl, jar, copy);
                try (ZipFile zip = new ZipFile(copy.toFile())) {
                    if (zip.getEntry(className.replace('.', '/') + ".class") == null) {
                        throw new IllegalArgumentException("the JAR " + jar + " holds no class " + className);
                    }
                } catch (ZipException e) {
                    throw new IllegalArgumentException(jar + " is not a JAR: " + e.getMessage());
                }
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the JAR " + jar, e);
        }
    }
}
