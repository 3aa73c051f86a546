package io.sectorsphere.storage.config;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How other nodes reach this one. The host and the locator are known from configuration; the
 * holder address needs the port actually bound, so it exists only once the web server listens.
 */
@Component
public class NodeIdentity {

    /**
     * @param holder {@code host:port}, the key of this node's location records and heartbeat
     * @param httpAddress {@code http://host:port}
     * @param udtAddress its transfer agent's {@code host:port}
     */
    public record Self(String holder, String httpAddress, String udtAddress) {
    }

    private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0");
    private static final int LOCATOR_PORT = 6100;
    private static final int UDT_PORT = 6301;

    private final String host;
    private final String locatorUrl;
    private final String configuredUdtAddress;
    private final AtomicReference<Self> self = new AtomicReference<>();

    NodeIdentity(StorageProperties properties, Environment environment) {
        this.host = properties.advertisedHost() != null ? properties.advertisedHost() : boundHost(environment);
        this.locatorUrl = stripSlash(properties.locatorUrl() != null ? properties.locatorUrl()
                : "http://" + host + ":" + LOCATOR_PORT);
        this.configuredUdtAddress = properties.udtAddress();
    }

    public String host() {
        return host;
    }

    /** The locator's base URL, without a trailing slash. */
    public String locatorUrl() {
        return locatorUrl;
    }

    /** Called once, when the web server has bound {@code port}. */
    public Self bind(int port) {
        String holder = host + ":" + port;
        Self bound = new Self(holder, "http://" + holder,
                configuredUdtAddress != null ? configuredUdtAddress : host + ":" + UDT_PORT);
        if (!self.compareAndSet(null, bound)) {
            throw new IllegalStateException("this node is already bound as " + self.get().holder());
        }
        return bound;
    }

    public Optional<Self> get() {
        return Optional.ofNullable(self.get());
    }

    /** Whether {@code holder} ({@code host:port}) is this node. */
    public boolean isSelf(String holder) {
        Self bound = self.get();
        return bound != null && bound.holder().equals(holder);
    }

    private static String boundHost(Environment environment) {
        String bound = environment.getProperty("server.address", "").strip();
        if (bound.isEmpty() || WILDCARDS.contains(bound)) {
            return "127.0.0.1";
        }
        return bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
