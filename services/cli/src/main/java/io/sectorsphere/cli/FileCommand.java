package io.sectorsphere.cli;

import picocli.CommandLine.Parameters;

/** A cluster command about one file, named first on the command line. */
abstract class FileCommand extends ClusterCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The file's name in the cluster.")
    String name;
}
