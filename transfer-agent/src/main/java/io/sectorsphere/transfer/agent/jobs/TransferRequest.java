package io.sectorsphere.transfer.agent.jobs;

import io.sectorsphere.common.Addresses;
import io.sectorsphere.common.FileName;
import io.sectorsphere.transfer.choice.TransportPreference;
import io.sectorsphere.udt.cc.CongestionControls;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /api/v1/transfers}: copy these files from these nodes to that node.
 *
 * @param files      the files, each with its expected SHA-256 if known (else the first source's STAT gives it)
 * @param sources    the data addresses ({@code host:port}) of agents holding every file
 * @param target     the data address of the agent that receives them; null for this agent
 * @param rateLimit  bytes per second over the whole job, null or 0 for none
 * @param transport  {@code auto} (by measured RTT and loss), {@code tcp} or {@code udt}; null for auto
 * @param cc         UDT congestion control ({@code fair}, {@code dedicated}, {@code native}); null for the agent's
 */
public record TransferRequest(List<FileSpec> files, List<String> sources, String target, Long rateLimit,
                              String transport, String cc) {

    public static final int MAX_FILES = 10_000;
    public static final int MAX_SOURCES = 64;

    /**
     * @param name   the Sector file name
     * @param sha256 its SHA-256 in lower-case hex, or null
     */
    public record FileSpec(String name, String sha256) {

        public FileSpec {
            FileName.of(name);
            if (sha256 != null) {
                sha256 = sha256.strip().toLowerCase();
                if (!sha256.matches("[0-9a-f]{64}")) {
                    throw new IllegalArgumentException("sha256 of " + name + " must be 64 hex digits");
                }
            }
        }
    }

    public TransferRequest {
        if (files == null || files.isEmpty() || files.size() > MAX_FILES) {
            throw new IllegalArgumentException("a transfer names 1 to " + MAX_FILES + " files");
        }
        if (sources == null || sources.isEmpty() || sources.size() > MAX_SOURCES) {
            throw new IllegalArgumentException("a transfer names 1 to " + MAX_SOURCES + " sources");
        }
        files = List.copyOf(files);
        sources = sources.stream().map(String::strip).distinct().toList();
        sources.forEach(source -> Addresses.requireHostPort("source", source));
        Set<String> names = new HashSet<>();
        for (FileSpec file : files) {
            if (file == null) {
                throw new IllegalArgumentException("files must not contain null");
            }
            if (!names.add(file.name())) {
                throw new IllegalArgumentException(file.name() + " is named twice");
            }
        }
        target = target == null || target.isBlank() ? null : Addresses.requireHostPort("target", target.strip());
        if (rateLimit != null && rateLimit < 0) {
            throw new IllegalArgumentException("rateLimit must not be negative");
        }
        TransportPreference.parse(transport);
        if (cc != null) {
            CongestionControls.create(cc);
        }
    }

    public TransportPreference transportPreference() {
        return TransportPreference.parse(transport);
    }

    public long rateLimitBytesPerSecond() {
        return rateLimit == null ? 0 : rateLimit;
    }
}
