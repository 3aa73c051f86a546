package io.sectorsphere.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand of {@code sector job}: the top-level command, two levels up, holds the options and clients. */
abstract class JobSubcommand implements Callable<Integer> {

    @ParentCommand
    JobCommand job;

    @Spec
    CommandSpec spec;

    SectorCommand sector() {
        return job.sector;
    }
}
