package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ls}, {@code stat}, {@code locate}, {@code rm} and {@code sysinfo} against a node on loopback. */
class ClusterCommandsTest {

    @TempDir
    Path directory;

    private FakeNode node;
    private CliRunner cli;

    @BeforeEach
    void start() {
        node = new FakeNode()
                .withFile("demo/a.dat", new byte[42])
                .withFile("demo/b.dat", new byte[2048])
                .withFile("demo/c.dat", new byte[1])
                .withFile("other/x.dat", new byte[7]);
        cli = new CliRunner(directory);
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void lsPrintsOneNameALineAcrossTheCluster() {
        assertThat(run("ls", "demo/")).as(cli::err).isZero();

        assertThat(cli.out()).isEqualTo("demo/a.dat\ndemo/b.dat\ndemo/c.dat\n");
        assertThat(cli.err()).isEmpty();
        assertThat(node.requests("GET", "/api/v1/files").getFirst().query()).isEqualTo("prefix=demo%2F&scope=cluster");
    }

    @Test
    void lsLongFormatShowsSizeAndTime() {
        assertThat(run("ls", "-l", "demo/b")).as(cli::err).isZero();

        assertThat(cli.out()).isEqualTo("           2048  2026-11-22T03:00:00Z  demo/b.dat\n");
    }

    @Test
    void lsStopsAfterOnePageAndSaysSoOnStderr() {
        assertThat(run("ls", "--limit", "2")).as(cli::err).isZero();

        assertThat(cli.out()).isEqualTo("demo/a.dat\ndemo/b.dat\n");
        assertThat(cli.err()).isEqualTo("sector: more files after demo/b.dat (use --all to list every one)\n");
    }

    @Test
    void lsAllPagesThroughEveryName() {
        node.pageSize(3);

        assertThat(run("ls", "--all")).as(cli::err).isZero();

        assertThat(cli.out()).isEqualTo("demo/a.dat\ndemo/b.dat\ndemo/c.dat\nother/x.dat\n");
        assertThat(cli.err()).isEmpty();
        assertThat(node.requests("GET", "/api/v1/files")).extracting(FakeNode.Request::query)
                .containsExactly("scope=cluster", "after=demo%2Fc.dat&scope=cluster");
    }

    @Test
    void statShowsTheMetadataAndEveryReplicaWithItsAddresses() {
        assertThat(run("stat", "demo/a.dat")).as(cli::err).isZero();

        assertThat(cli.out()).contains(
                "name      demo/a.dat\n",
                "size      42 (42 B)\n",
                "mtime     2026-11-22T03:00:00Z\n",
                "checksum  " + FakeNode.checksum(new byte[42]) + "\n",
                "indexed   yes\n",
                "replicas  1\n")
                .containsPattern("(?m)^  HOLDER +HTTP +UDT +EXPIRES$")
                .containsPattern("(?m)^  " + node.address() + " +" + node.url() + " +127.0.0.1:6301 +2026-11-22T03:05:00Z$");
    }

    @Test
    void locateShowsTheRecordItsOwnerAndTheHops() {
        assertThat(run("locate", "demo/a.dat")).as(cli::err).isZero();

        assertThat(cli.out()).contains("name      demo/a.dat\n", "owner     " + node.address() + "\n",
                "hops      2\n", "replicas  1\n");
        assertThat(node.requests("GET", "/api/v1/locate/demo/a.dat")).hasSize(1);
    }

    @Test
    void rmDeletesEveryReplica() {
        assertThat(run("rm", "demo/a.dat")).as(cli::err).isZero();

        assertThat(cli.out()).isEqualTo("removed demo/a.dat from 1 holders\n");
        assertThat(node.file("demo/a.dat")).isNull();
    }

    @Test
    void rmFailsWhenAHolderKeptItsCopy() {
        node.failingHolders("127.0.0.13:6200");

        assertThat(run("rm", "demo/a.dat")).isEqualTo(ExitCodes.UNAVAILABLE);

        assertThat(cli.err()).isEqualTo(
                "sector: delete demo/a.dat: 'demo/a.dat' is still held by [127.0.0.13:6200] (HTTP 502)\n");
    }

    @Test
    void sysinfoShowsTheNodesTheTotalsAndTheUnderReplicatedFiles() {
        assertThat(run("sysinfo")).as(cli::err).isZero();

        assertThat(cli.out())
                .containsPattern("(?m)^NODE +HTTP +CAPACITY +FREE +FREE% +FILES$")
                .containsPattern("(?m)^" + node.address() + " +" + node.url() + " +8\\.0 GiB +6\\.0 GiB +75% +4$")
                .containsPattern("(?m)^total +1 nodes +8\\.0 GiB +6\\.0 GiB +75% +4$")
                .contains("files             4 (4 copies on disk)\n",
                        "under-replicated  4 (fewer than 3 live replicas)\n",
                        "locators          1 answered\n");
    }

    /** With the endpoint and the locator given as options, after the subcommand. */
    private int run(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--endpoint", node.url(), "--locator", node.url()}, 0, all, args.length, 4);
        return cli.run(all);
    }
}
