package io.sectorsphere.sphere.worker.cluster;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.sphere.worker.config.SphereProperties;
import java.net.URI;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * This worker's addresses: its own (known once the web server listens, as the port may be
 * ephemeral) and its storage node's, the holder name that makes a segment data-local here.
 */
@Component
public class LocalWorker implements ApplicationListener<WebServerInitializedEvent> {

    private final String host;
    private final String storageUrl;
    private final String storageAddress;
    private volatile int port;

    LocalWorker(SphereProperties properties, Environment environment) {
        String serverAddress = environment.getProperty("server.address");
        this.host = properties.advertisedHost() != null ? properties.advertisedHost()
                : serverAddress != null && !serverAddress.isBlank() ? serverAddress : "127.0.0.1";
        this.storageUrl = properties.storageUrl();
        URI storage = URI.create(properties.storageUrl());
        this.storageAddress = Addresses.requireHostPort("storage address", storage.getHost() + ":" + storage.getPort());
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getParent() == null || port == 0) {
            port = event.getWebServer().getPort();
        }
    }

    public boolean started() {
        return port != 0;
    }

    /** {@code host:port} of this worker. */
    public String address() {
        requireStarted();
        return host + ":" + port;
    }

    public String url() {
        return "http://" + address();
    }

    public String storageUrl() {
        return storageUrl;
    }

    /** The storage node's {@code host:port}, as location records name it. */
    public String storageAddress() {
        return storageAddress;
    }

    private void requireStarted() {
        if (port == 0) {
            throw new IllegalStateException("the worker's web server is not listening yet");
        }
    }
}
