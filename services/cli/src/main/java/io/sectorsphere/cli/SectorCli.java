package io.sectorsphere.cli;

/** Entry point of the {@code sector} command. */
public final class SectorCli {

    private SectorCli() {
    }

    public static void main(String[] args) {
        int exitCode = SectorCommand.commandLine(LocalCommand.Foreground.UNTIL_STOPPED, CliEnvironment.system())
                .execute(args);
        System.exit(exitCode);
    }
}
