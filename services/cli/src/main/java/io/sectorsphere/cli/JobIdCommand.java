package io.sectorsphere.cli;

import picocli.CommandLine.Parameters;

/** A subcommand of {@code sector job} about one job, named first on the command line. */
abstract class JobIdCommand extends JobSubcommand {

    @Parameters(index = "0", paramLabel = "ID", description = "The job's id, as submit printed it.")
    String id;
}
