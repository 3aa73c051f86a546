package io.sectorsphere.cli;

import io.sectorsphere.client.BadRequestException;
import io.sectorsphere.client.ChecksumMismatchException;
import io.sectorsphere.client.ConflictException;
import io.sectorsphere.client.DeniedException;
import io.sectorsphere.client.InsufficientStorageException;
import io.sectorsphere.client.JobFailedException;
import io.sectorsphere.client.NotFoundException;
import io.sectorsphere.client.SectorException;
import io.sectorsphere.client.UnavailableException;

/**
 * The exit codes of {@code sector}, one per kind of failure so that scripts can tell them apart.
 * The command's own codes lie below 10; the cluster commands end with the code of the client
 * library's exception ({@link SectorException#exitCode()}), 10 and up, repeated here to list them
 * in one place. Ctrl-C and SIGTERM end a foreground command with the shell's usual 130 and 143.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** An unexpected internal error, or an answer from the cluster the client does not understand. */
    public static final int SOFTWARE = 1;
    /** Bad options or arguments (picocli's usage code). */
    public static final int USAGE = 2;
    /** A port the cluster needs is taken, usually by another local cluster. */
    public static final int ADDRESS_IN_USE = 3;
    /** An address the cluster needs cannot be bound on this machine. */
    public static final int ADDRESS_UNAVAILABLE = 4;
    /** The nodes started but did not form a ring in time. */
    public static final int NOT_READY = 5;
    /** A node failed to start for another reason. */
    public static final int START_FAILED = 6;
    /** A local file could not be read or written, or standard output was closed. */
    public static final int LOCAL_IO = 7;
    /** {@code sector teravalidate} found records out of order, or the job returned no summary to check. */
    public static final int NOT_VALID = 8;
    /** Standard output was closed by its reader ({@code | head}): silent, like a death by SIGPIPE (128 + 13). */
    public static final int STDOUT_CLOSED = 141;

    /** No such file in the cluster, or no live replica of it. */
    public static final int NOT_FOUND = NotFoundException.EXIT_CODE;
    /** No token, a wrong token, or an address not allowed to write. */
    public static final int DENIED = DeniedException.EXIT_CODE;
    /** The file exists and --overwrite was not given, or it changed under the request. */
    public static final int CONFLICT = ConflictException.EXIT_CODE;
    /** The cluster refused the request as invalid: a bad name, digest or range. */
    public static final int BAD_REQUEST = BadRequestException.EXIT_CODE;
    /** The node has no room for the file. */
    public static final int INSUFFICIENT_STORAGE = InsufficientStorageException.EXIT_CODE;
    /** The cluster could not be reached or answered with a server error; retrying may work. */
    public static final int UNAVAILABLE = UnavailableException.EXIT_CODE;
    /** The downloaded content does not match the file's checksum. */
    public static final int CHECKSUM_MISMATCH = ChecksumMismatchException.EXIT_CODE;
    /** A Sphere job failed (its error is the message) or was cancelled. */
    public static final int JOB_FAILED = JobFailedException.EXIT_CODE;

    private ExitCodes() {
    }
}
