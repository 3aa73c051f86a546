package io.sectorsphere.transfer.agent.jobs;

import io.sectorsphere.transfer.agent.config.AgentProperties;
import io.sectorsphere.transfer.agent.data.DataPlane;
import io.sectorsphere.transfer.agent.data.Transports;
import io.sectorsphere.transfer.choice.PathProbe;
import io.sectorsphere.transfer.choice.TransportChooser;
import io.sectorsphere.transfer.client.ByteRateLimiter;
import io.sectorsphere.transfer.client.DataClient;
import io.sectorsphere.transfer.client.RemoteFile;
import io.sectorsphere.transfer.client.TransferRefusedException;
import io.sectorsphere.transfer.multisource.DownloadRequest;
import io.sectorsphere.transfer.multisource.MultiSourceDownload;
import io.sectorsphere.transfer.multisource.Source;
import io.sectorsphere.transfer.protocol.Status;
import io.sectorsphere.transfer.server.Digests;
import io.sectorsphere.transfer.server.FileArea;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import io.sectorsphere.transfer.transport.DataTransport;
import io.sectorsphere.transfer.transport.PathQuality;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Copies one file of a job. The sources that answer a ping are used, each over the transport
 * chosen for its path; the file's size and SHA-256 come from the request or a source's STAT. To
 * this node: a multi-source download into the staging area, published only once verified. To
 * another node: pushed from here, from the local copy if this node holds one, else after a
 * multi-source download into staging. A file already at the target with the same SHA-256 is left alone.
 */
@Component
class FileCopier {

    private final DataClient client;
    private final MultiSourceDownload downloads;
    private final TicketSigner signer;
    private final FileArea area;
    private final Transports transports;
    private final TransportChooser chooser;
    private final PathProbe paths;
    private final DataPlane self;
    private final AgentProperties properties;

    FileCopier(DataClient client, MultiSourceDownload downloads, TicketSigner signer, FileArea area,
               Transports transports, TransportChooser chooser, DataPlane self, AgentProperties properties) {
        this.client = client;
        this.downloads = downloads;
        this.signer = signer;
        this.area = area;
        this.transports = transports;
        this.chooser = chooser;
        this.paths = new PathProbe(client, transports.tcp(), transports::udtProbe);
        this.self = self;
        this.properties = properties;
    }

    /** Copies {@code file}, recording the outcome in it; never throws. */
    void copy(TransferJob job, FileProgress file, ByteRateLimiter limiter) {
        file.running();
        try {
            file.finished(copyOrThrow(job, file, limiter), null);
        } catch (IOException | RuntimeException e) {
            file.finished(FileState.FAILED, e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private FileState copyOrThrow(TransferJob job, FileProgress file, ByteRateLimiter limiter) throws IOException {
        String name = file.name();
        boolean toSelf = self.isSelf(job.target());
        List<Source> sources = reachableSources(job, toSelf);
        file.usingTransports(sources.stream().map(source -> source.transport().name()).toList());
        RemoteFile described = describe(sources, name);
        String sha256 = file.expectedSha256() != null ? file.expectedSha256() : described.sha256();
        file.sized(described.size());
        if (toSelf) {
            return downloadHere(file, sources, described.size(), sha256, limiter);
        }
        return sendToTarget(job, file, sources, described.size(), sha256, limiter);
    }

    private FileState downloadHere(FileProgress file, List<Source> sources, long size, String sha256,
                                   ByteRateLimiter limiter) throws IOException {
        if (holdsLocally(file.name(), sha256)) {
            return FileState.PRESENT;
        }
        if (area.existing(file.name()) != null) {
            throw new IOException("a different file named " + file.name() + " is already here");
        }
        downloads.download(new DownloadRequest(file.name(), readTicket(file.name(), size), size, sha256, sources,
                area.staging(), staged -> area.publish(staged, file.name()), limiter, file::progressed));
        return FileState.DONE;
    }

    private FileState sendToTarget(TransferJob job, FileProgress file, List<Source> sources, long size,
                                   String sha256, ByteRateLimiter limiter) throws IOException {
        InetSocketAddress target = address(job.target());
        DataTransport transport = transports.get(chooseFor(job, target), job.request().cc());
        if (holdsLocally(file.name(), sha256)) {
            return push(file, area.existing(file.name()), size, sha256, transport, target, limiter);
        }
        Path fetched = downloads.download(new DownloadRequest(file.name(), readTicket(file.name(), size), size,
                sha256, sources, area.staging(), FileCopier::keepVerified, limiter, bytes -> { })).file();
        try {
            return push(file, fetched, size, sha256, transport, target, limiter);
        } finally {
            Files.deleteIfExists(fetched);
        }
    }

    private FileState push(FileProgress file, Path local, long size, String sha256, DataTransport transport,
                           InetSocketAddress target, ByteRateLimiter limiter) throws IOException {
        String ticket = signer.sign(TicketOperation.WRITE, file.name(), 0, size, properties.ticketTtl());
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.READ)) {
            client.push(transport, target, ticket, file.name(), channel, size, HexFormat.of().parseHex(sha256),
                    limiter, file::progressed);
            return FileState.DONE;
        } catch (TransferRefusedException e) {
            if (e.status() == Status.CONFLICT && sha256.equals(
                    client.stat(transport, target, readTicket(file.name(), 0), file.name()).sha256())) {
                return FileState.PRESENT;
            }
            throw e;
        }
    }

    /** Sources that answer a ping, each with the transport chosen for its path; this node never reads from itself. */
    private List<Source> reachableSources(TransferJob job, boolean toSelf) throws IOException {
        List<Source> reachable = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (String label : job.request().sources()) {
            if (toSelf && self.isSelf(label)) {
                continue;
            }
            InetSocketAddress address = address(label);
            try {
                String chosen = chooseFor(job, address);
                reachable.add(new Source(label, transports.get(chosen, job.request().cc()), address));
            } catch (IOException e) {
                silent.add(label + " (" + e.getMessage() + ")");
            }
        }
        if (reachable.isEmpty()) {
            throw new IOException("no source answers: " + String.join(", ", silent));
        }
        return reachable;
    }

    /** Measures the path to {@code address} and picks its transport. */
    private String chooseFor(TransferJob job, InetSocketAddress address) throws IOException {
        PathQuality quality = paths.measure(address);
        job.measuredRtt(quality.rttMillis());
        return chooser.choose(job.request().transportPreference(), Optional.of(quality));
    }

    /** Size and SHA-256 from the first source that describes the file. */
    private RemoteFile describe(List<Source> sources, String name) throws IOException {
        IOException last = null;
        for (Source source : sources) {
            try {
                return client.stat(source.transport(), source.address(), readTicket(name, 0), name);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new IOException("no source describes " + name + ": " + last.getMessage(), last);
    }

    private boolean holdsLocally(String name, String sha256) throws IOException {
        Path existing = area.existing(name);
        return existing != null && HexFormat.of().formatHex(Digests.sha256Of(existing)).equals(sha256);
    }

    private String readTicket(String name, long size) {
        return signer.sign(TicketOperation.READ, name, 0, size, properties.ticketTtl());
    }

    /** Keeps a verified download in staging, under a name of its own, until it has been pushed. */
    private static Path keepVerified(Path staged) throws IOException {
        return Files.move(staged, staged.resolveSibling(staged.getFileName() + ".verified"));
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
