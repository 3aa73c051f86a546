package io.sectorsphere.udt.interop;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a C or C++ source shipped as a class-path resource into an executable, once per source
 * content: the binary lives in {@code ${java.io.tmpdir}/<name>-<hash of the source>/<name>}, so
 * every module and every JVM reuses it, and a changed source gets a fresh build.
 *
 * <p>Builds go to a temporary file moved into place atomically, so concurrent first uses in several
 * JVMs never see a half-written binary.
 */
public final class NativeBuild {

    private static final long COMPILE_TIMEOUT_SECONDS = 180;

    private NativeBuild() {
    }

    /**
     * The executable for {@code resource} (loaded through {@code anchor}'s class loader), built with
     * {@code compiler} and the given trailing flags (libraries) when not cached yet.
     */
    public static Path executable(Class<?> anchor, String resource, String name, String compiler, List<String> flags)
            throws IOException, InterruptedException {
        byte[] source;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource not found: " + resource);
            }
            source = in.readAllBytes();
        }
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), name + "-" + shortHash(source, flags));
        Path binary = directory.resolve(name);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Files.createDirectories(directory);
        String extension = resource.substring(resource.lastIndexOf('.'));
        Path sourceFile = Files.createTempFile(directory, name, extension);
        Path partial = Files.createTempFile(directory, name, ".partial");
        try {
            Files.write(sourceFile, source);
            List<String> command = new ArrayList<>(List.of(compiler, "-O2", "-o", partial.toString(), sourceFile.toString()));
            command.addAll(flags);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMPILE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(compiler + " did not finish within " + COMPILE_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + output);
            }
            Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return binary;
        } finally {
            Files.deleteIfExists(sourceFile);
            Files.deleteIfExists(partial);
        }
    }

    /** True when {@code program} is an executable file in one of the PATH directories. */
    public static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    private static String shortHash(byte[] source, List<String> flags) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(source);
            digest.update(String.join(" ", flags).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
