package io.sectorsphere.transfer.agent.jobs;

import java.time.Instant;
import java.util.List;

/**
 * A job as {@code GET /api/v1/transfers/{id}} shows it.
 *
 * @param id                 the job's id
 * @param state              where it is
 * @param target             the receiving agent's data address
 * @param sources            the agents read from
 * @param createdAt          when it was accepted
 * @param startedAt          when it started running, or null
 * @param finishedAt         when it ended, or null
 * @param bytesDone          bytes moved so far
 * @param bytesTotal         bytes of the files whose size is known so far
 * @param rateBytesPerSecond bytes done over the running time
 * @param rttMillis          the longest round-trip time measured to a source, or null before any
 * @param etaSeconds         the time left at the current rate, or null when unknown or ended
 * @param files              each file's state
 */
public record TransferView(String id, JobState state, String target, List<String> sources, Instant createdAt,
                           Instant startedAt, Instant finishedAt, long bytesDone, long bytesTotal,
                           double rateBytesPerSecond, Double rttMillis, Double etaSeconds, List<FileView> files) {

    /**
     * @param name       the file name
     * @param state      where it is
     * @param size       bytes, null until known
     * @param bytesDone  bytes moved
     * @param transports the transport used to each source, in the order of the sources used
     * @param error      why it failed, or null
     */
    public record FileView(String name, FileState state, Long size, long bytesDone, List<String> transports,
                           String error) {
    }
}
