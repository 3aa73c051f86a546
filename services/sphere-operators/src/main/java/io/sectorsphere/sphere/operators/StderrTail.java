package io.sectorsphere.sphere.operators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Drains a process's standard error, keeping its last bytes for an error message. */
final class StderrTail implements Runnable {

    private final InputStream stderr;
    private final byte[] ring;
    private long written;

    StderrTail(InputStream stderr, int keepBytes) {
        this.stderr = stderr;
        this.ring = new byte[keepBytes];
    }

    @Override
    public void run() {
        byte[] chunk = new byte[4096];
        try (stderr) {
            int read;
            while ((read = stderr.read(chunk)) >= 0) {
                synchronized (this) {
                    for (int i = 0; i < read; i++) {
                        ring[(int) (written++ % ring.length)] = chunk[i];
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; what was read so far is the tail
        }
    }

    synchronized String text() {
        int kept = (int) Math.min(written, ring.length);
        byte[] tail = new byte[kept];
        for (int i = 0; i < kept; i++) {
            tail[i] = ring[(int) ((written - kept + i) % ring.length)];
        }
        String text = new String(tail, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "(nothing)" : text;
    }
}
