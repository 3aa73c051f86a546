package io.sectorsphere.localcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** cluster.json across versions: the worker URL is new, and files without it still read. */
class ClusterDescriptorTest {

    @TempDir
    Path state;

    @Test
    void theWorkerUrlOfEachNodeSurvivesAWriteAndRead() {
        ClusterDescriptor descriptor = new ClusterDescriptor(42, Instant.parse("2026-12-07T16:00:00Z"), "t",
                List.of(new NodeEndpoints(1, "127.0.0.11", "http://127.0.0.11:6100", "http://127.0.0.11:6200",
                        "http://127.0.0.11:6400")));

        ClusterDescriptor read = ClusterDescriptor.readFrom(descriptor.writeTo(state));

        assertThat(read.nodes().getFirst().sphere()).isEqualTo("http://127.0.0.11:6400");
        assertThat(read).isEqualTo(descriptor);
    }

    @Test
    void aFileWrittenBeforeWorkersExistedReadsWithoutOne() throws IOException {
        Path file = Files.writeString(state.resolve(ClusterDescriptor.FILE_NAME), """
                {"pid": 7, "startedAt": "2026-11-30T04:00:00Z", "token": "t", "nodes": [
                  {"index": 1, "address": "127.0.0.11", "locator": "http://127.0.0.11:6100",
                   "storage": "http://127.0.0.11:6200"}]}
                """);

        NodeEndpoints node = ClusterDescriptor.readFrom(file).nodes().getFirst();

        assertThat(node.storage()).isEqualTo("http://127.0.0.11:6200");
        assertThat(node.sphere()).isNull();
    }
}
