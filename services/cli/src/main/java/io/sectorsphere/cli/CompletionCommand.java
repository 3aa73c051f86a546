package io.sectorsphere.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints a bash completion script generated from the command model, so it always matches the
 * commands and options of this very jar.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash completion script for sector.",
            "Use it with: source <(./sector completion)"})
final class CompletionCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().print(AutoComplete.bash("sector", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
    }
}
