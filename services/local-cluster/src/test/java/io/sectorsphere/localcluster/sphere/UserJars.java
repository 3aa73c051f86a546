package io.sectorsphere.localcluster.sphere;

import io.sectorsphere.sphere.api.SphereFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds a user's function JAR in a test, as a user would: javac against the Sphere API, then jar. */
final class UserJars {

    private UserJars() {
    }

    static byte[] compile(String className, String source) throws IOException, URISyntaxException {
        Path dir = Files.createTempDirectory("user-jar");
        Path file = dir.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        String api = Path.of(SphereFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-classpath", api, "-d", dir.toString(), file.toString());
        if (code != 0) {
            throw new IllegalStateException("javac failed with " + code);
        }
        String entry = className.replace('.', '/') + ".class";
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar)) {
            out.putNextEntry(new JarEntry(entry));
            out.write(Files.readAllBytes(dir.resolve(entry)));
            out.closeEntry();
        }
        for (Path path : List.of(dir.resolve(entry), file)) {
            Files.deleteIfExists(path);
        }
        return jar.toByteArray();
    }
}
