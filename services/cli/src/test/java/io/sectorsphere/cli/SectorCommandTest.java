package io.sectorsphere.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sectorsphere.localcluster.ClusterDescriptor;
import io.sectorsphere.localcluster.LocalCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SectorCommandTest {

    /** Away from the default 127.0.0.10 so a developer's running `sector local` does not interfere. */
    private static final String NODE_ADDRESS = "127.0.0.141";

    @TempDir
    Path state;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<LocalCluster> held = new ArrayList<>();

    @Test
    void versionNamesTheProjectVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("^sector \\d+\\.\\d+\\.\\d+");
    }

    @Test
    void withoutASubcommandItShowsUsageOnStderrAndFails() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Usage: sector", "local", "completion");
    }

    @Test
    void helpListsTheSubcommandsAndExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("put", "get", "ls", "sysinfo", "local", "completion", "Exit codes:",
                "already in use", "no such file in the cluster", "does not match the file's checksum");
    }

    @Test
    void completionPrintsABashScriptThatKnowsTheLocalOptions() {
        assertThat(run("completion")).isZero();
        assertThat(out.toString()).startsWith("#!/usr/bin/env bash").contains("complete -F", "--nodes", "--base-address");
    }

    @Test
    void completionKnowsTheClusterCommandsAndTheirOptions() {
        assertThat(run("completion")).isZero();
        assertThat(out.toString()).contains(
                "put get ls stat rm locate sysinfo job stream teragen terasort teravalidate local completion",
                "submit status wait cancel ls results", "--overwrite", "--no-resume", "--endpoint", "--token", "--all",
                "--sphere-endpoint", "--output");
    }

    @Test
    void theClusterOptionsGoWithTheClusterCommandsOnly() {
        assertThat(run("get", "--help")).isZero();
        assertThat(out.toString()).contains("--endpoint=URL", "--token=TOKEN", "--no-resume");

        out.getBuffer().setLength(0);
        assertThat(run("local", "--help")).isZero();
        assertThat(out.toString()).doesNotContain("--endpoint");
    }

    @Test
    void badOptionValuesFailWithOneLineAndTheUsageCode() {
        assertThat(run("local", "--nodes", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).startsWith("sector local: --nodes must be at least 1");

        err.getBuffer().setLength(0);
        assertThat(run("local", "--base-address", "10.0.0.1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).contains("loopback");

        err.getBuffer().setLength(0);
        assertThat(run("local", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).hasLineCount(1).contains("--no-such-option");
    }

    @Test
    void localPrintsTheEndpointsHoldsTheClusterAndStopsIt() throws IOException {
        int port = freePort();

        int code = run("local", "--nodes", "1", "--base-address", "127.0.0.140", "--locator-port", String.valueOf(port),
                "--state-dir", state.toString());

        assertThat(code).as(err::toString).isZero();
        assertThat(out.toString()).contains("Local cluster ready", "node 1  " + NODE_ADDRESS,
                "locator http://" + NODE_ADDRESS + ":" + port, "Press Ctrl-C to stop.");
        assertThat(held).singleElement().satisfies(cluster -> {
            assertThat(cluster.endpoints()).singleElement()
                    .satisfies(node -> assertThat(node.locator()).isEqualTo("http://" + NODE_ADDRESS + ":" + port));
        });
        assertThat(state.resolve(ClusterDescriptor.FILE_NAME)).as("removed once stopped").doesNotExist();
        assertThat(state.resolve("logs/local.log")).isNotEmptyFile();
    }

    @Test
    void aTakenPortFailsWithOneLineAndItsOwnExitCode() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(NODE_ADDRESS))) {
            int code = run("local", "--nodes", "1", "--base-address", "127.0.0.140",
                    "--locator-port", String.valueOf(taken.getLocalPort()), "--state-dir", state.toString());

            assertThat(code).isEqualTo(ExitCodes.ADDRESS_IN_USE);
            assertThat(err.toString()).hasLineCount(1)
                    .startsWith("sector: " + NODE_ADDRESS + ":" + taken.getLocalPort() + " is already in use");
        }
    }

    private int run(String... args) {
        LocalCommand.Foreground checkThenReturn = cluster -> {
            // While held, the cluster is up and described on disk.
            assertThat(Files.exists(cluster.descriptor())).isTrue();
            held.add(cluster);
        };
        CommandLine command = SectorCommand.commandLine(checkThenReturn);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(NODE_ADDRESS))) {
            return probe.getLocalPort();
        }
    }
}
