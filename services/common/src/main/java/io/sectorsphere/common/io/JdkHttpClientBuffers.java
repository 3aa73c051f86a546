package io.sectorsphere.common.io;

/**
 * Larger read buffers for {@link java.net.http.HttpClient}, set by a process's entry point before
 * its first client exists ({@code jdk.httpclient.bufsize} is read once per JVM). The default of
 * 16 KiB passes a response body through the client's reactive chain 16 KiB at a time: on loopback a
 * 1 GiB body arrived at about 300 MB/s where the same socket read in 256 KiB pieces gives several
 * times that. Each connection holds one such buffer while it reads; a value given on the command
 * line wins.
 */
public final class JdkHttpClientBuffers {

    public static final String PROPERTY = "jdk.httpclient.bufsize";
    /** Below half a G1 region of a small heap, so a buffer is never a humongous object. */
    public static final int BYTES = 256 * 1024;

    private JdkHttpClientBuffers() {
    }

    /** Sets the buffer size unless the command line did; call before any HttpClient is built. */
    public static void enlarge() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Integer.toString(BYTES));
        }
    }
}
