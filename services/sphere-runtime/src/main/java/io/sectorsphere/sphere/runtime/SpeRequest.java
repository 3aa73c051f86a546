package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.RecordFormat;
import io.sectorsphere.sphere.api.UnitKind;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Properties;

/**
 * One segment attempt as a processing element is told to run it: its function, its input range of
 * a local file, how to cut it into units, and where its output goes.
 *
 * <p>On the wire (worker to child JVM, on the child's standard input) a request is a 4-byte
 * big-endian length and that many bytes of a {@link Properties} text.
 *
 * @param operator a built-in operator, or a class in {@code jar}
 * @param jar a local JAR file, or null for a built-in
 * @param file the local file holding the input; its record index, if any, lies beside it
 * @param name the input's Sector name, as the function sees it
 * @param outputDir where the output files go: {@code out} and {@code bucket-NNNNN}, each with its
 *     {@code .idx} when {@code writeIndex}
 */
public record SpeRequest(String jobId, int stage, String operator, Path jar, byte[] parameters,
                         UnitKind unit, int recordsPerUnit, RecordFormat format, Path file, String name,
                         long offset, long length, int buckets, boolean writeIndex, Path outputDir,
                         Path scratchDir, Path stateDir) {

    /** The most bytes a request may take on the wire; parameters are limited well below. */
    static final int MAX_BYTES = 4 << 20;

    public void writeTo(DataOutputStream out) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("jobId", jobId);
        properties.setProperty("stage", Integer.toString(stage));
        properties.setProperty("operator", operator);
        if (jar != null) {
            properties.setProperty("jar", jar.toString());
        }
        properties.setProperty("parameters", Base64.getEncoder().encodeToString(parameters));
        properties.setProperty("unit", unit.name());
        properties.setProperty("recordsPerUnit", Integer.toString(recordsPerUnit));
        properties.setProperty("format", format.toString());
        properties.setProperty("file", file.toString());
        properties.setProperty("name", name);
        properties.setProperty("offset", Long.toString(offset));
        properties.setProperty("length", Long.toString(length));
        properties.setProperty("buckets", Integer.toString(buckets));
        properties.setProperty("writeIndex", Boolean.toString(writeIndex));
        properties.setProperty("outputDir", outputDir.toString());
        properties.setProperty("scratchDir", scratchDir.toString());
        properties.setProperty("stateDir", stateDir.toString());
        StringWriter text = new StringWriter();
        properties.store(text, null);
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** @return null at the end of the stream (the worker closed it: time to exit) */
    public static SpeRequest readFrom(DataInputStream in) throws IOException {
        int size;
        try {
            size = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (size < 0 || size > MAX_BYTES) {
            throw new IOException("a request of " + size + " bytes");
        }
        byte[] bytes = in.readNBytes(size);
        if (bytes.length != size) {
            throw new EOFException("a request cut short");
        }
        Properties properties = new Properties();
        properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        String jar = properties.getProperty("jar");
        return new SpeRequest(properties.getProperty("jobId"), Integer.parseInt(properties.getProperty("stage")),
                properties.getProperty("operator"), jar == null ? null : Path.of(jar),
                Base64.getDecoder().decode(properties.getProperty("parameters")),
                UnitKind.valueOf(properties.getProperty("unit")),
                Integer.parseInt(properties.getProperty("recordsPerUnit")),
                RecordFormat.parse(properties.getProperty("format")), Path.of(properties.getProperty("file")),
                properties.getProperty("name"), Long.parseLong(properties.getProperty("offset")),
                Long.parseLong(properties.getProperty("length")), Integer.parseInt(properties.getProperty("buckets")),
                Boolean.parseBoolean(properties.getProperty("writeIndex")), Path.of(properties.getProperty("outputDir")),
                Path.of(properties.getProperty("scratchDir")), Path.of(properties.getProperty("stateDir")));
    }
}
