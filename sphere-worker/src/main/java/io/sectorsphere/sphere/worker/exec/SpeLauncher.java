package io.sectorsphere.sphere.worker.exec;

import io.sectorsphere.sphere.runtime.SpeMain;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Starts processing elements: child JVMs of the same Java as this worker, on its class path. From
 * an executable Spring Boot JAR, whose classes are nested, the child starts through Boot's
 * {@code PropertiesLauncher} with {@link SpeMain} as its main class.
 */
final class SpeLauncher {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final List<String> command;

    SpeLauncher(SphereProperties properties) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> line = new ArrayList<>();
        line.add(java);
        line.add("-Xmx" + properties.elements().heap().toMegabytes() + "m");
        line.add("-XX:+UseSerialGC");
        line.add("-XX:+ExitOnOutOfMemoryError");
        line.add("-Xshare:auto");
        line.addAll(properties.elements().jvmOptions());
        line.add("-cp");
        line.add(classPath);
        if (isBootJar(classPath)) {
            line.add("-Dloader.main=" + SpeMain.class.getName());
            line.add(BOOT_LAUNCHER);
        } else {
            line.add(SpeMain.class.getName());
        }
        this.command = List.copyOf(line);
    }

    Process start(Path directory) throws IOException {
        Files.createDirectories(directory);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        // The worker's own JVM settings (an image's memory calculator) are not the children's: they
        // get theirs on the command line.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder.start();
    }

    /** An executable Boot JAR, or one unpacked into a directory (as buildpack images run it). */
    private static boolean isBootJar(String classPath) {
        if (classPath.contains(File.pathSeparator)) {
            return false;
        }
        if (Files.isDirectory(Path.of(classPath))) {
            return Files.isDirectory(Path.of(classPath, "BOOT-INF"));
        }
        if (!classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getEntry("BOOT-INF/classes/") != null || jar.getEntry("BOOT-INF/lib/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
