package io.sectorsphere.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A subcommand that talks to the cluster: the top-level command holds the shared options and the client. */
abstract class ClusterCommand implements Callable<Integer> {

    @ParentCommand
    SectorCommand sector;

    @Spec
    CommandSpec spec;
}
