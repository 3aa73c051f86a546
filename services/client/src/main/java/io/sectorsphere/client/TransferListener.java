package io.sectorsphere.client;

/**
 * Follows an upload or download, for example to draw a progress bar. Called from the transferring
 * thread after every chunk, so it should return quickly.
 */
@FunctionalInterface
public interface TransferListener {

    TransferListener NONE = (done, total) -> {
    };

    /**
     * @param done bytes of the file transferred so far, including what a resumed download already had
     * @param total the file's size
     */
    void progress(long done, long total);
}
