package io.sectorsphere.localcluster;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one service as an application context beside the others in this JVM. */
final class EmbeddedContexts {

    private EmbeddedContexts() {
    }

    static ConfigurableApplicationContext start(Class<?> application, List<String> args) {
        List<String> all = new ArrayList<>(args);
        // Logging is one per JVM: the name in each line would be whichever context started last.
        all.add("--logging.include-application-name=false");
        return new SpringApplicationBuilder(application)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // The owner of the node closes it; a hook per context would race the others at exit.
                .registerShutdownHook(false)
                .run(all.toArray(String[]::new));
    }

    /** The port the context's web server listens on, or {@code requested} if it did not say. */
    static int port(ConfigurableApplicationContext context, int requested) {
        Integer actual = context.getEnvironment().getProperty("local.server.port", Integer.class);
        return actual == null ? requested : actual;
    }
}
