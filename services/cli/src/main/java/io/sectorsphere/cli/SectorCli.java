package io.sectorsphere.cli;

import io.sectorsphere.common.io.JdkHttpClientBuffers;

/** Entry point of the {@code sector} command. */
public final class SectorCli {

    private SectorCli() {
    }

    public static void main(String[] args) {
        // Downloads and uploads stream whole files through the JDK client.
        JdkHttpClientBuffers.enlarge();
        int exitCode = SectorCommand.commandLine(LocalCommand.Foreground.UNTIL_STOPPED, CliEnvironment.system())
                .execute(args);
        System.exit(exitCode);
    }
}
