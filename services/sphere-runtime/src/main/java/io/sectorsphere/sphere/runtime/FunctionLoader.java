package io.sectorsphere.sphere.runtime;

import io.sectorsphere.sphere.api.SphereFunction;
import io.sectorsphere.sphere.operators.BuiltInOperators;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Makes the function of an attempt: a built-in operator by name, or a user's class from a JAR,
 * loaded in a class loader of its own so that jobs never see each other's classes.
 */
final class FunctionLoader {

    private FunctionLoader() {
    }

    /** A loaded function and the class loader to close after it. */
    record Loaded(SphereFunction function, URLClassLoader loader) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            if (loader != null) {
                loader.close();
            }
        }
    }

    static Loaded load(String operator, Path jar) throws ReflectiveOperationException, IOException {
        if (jar == null) {
            SphereFunction builtIn = BuiltInOperators.create(operator)
                    .orElseThrow(() -> new IllegalArgumentException("no built-in operator is called " + operator));
            return new Loaded(builtIn, null);
        }
        URLClassLoader loader = new URLClassLoader("job-" + jar.getFileName(), new URL[] {url(jar)},
                FunctionLoader.class.getClassLoader());
        try {
            Class<?> type = Class.forName(operator, true, loader);
            if (!SphereFunction.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(operator + " does not implement " + SphereFunction.class.getName());
            }
            return new Loaded((SphereFunction) type.getConstructor().newInstance(), loader);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            loader.close();
            throw e;
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a JAR path: " + jar, e);
        }
    }
}
