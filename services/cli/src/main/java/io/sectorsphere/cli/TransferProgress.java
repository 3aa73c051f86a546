package io.sectorsphere.cli;

import io.sectorsphere.client.TransferListener;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;

/**
 * A progress bar with rate and time left on standard error, for transfers large enough to wait for.
 * The bar appears at the first report, so a resumed download counts its rate from the bytes it
 * still has to fetch, and a small file never shows one.
 */
final class TransferProgress implements TransferListener, AutoCloseable {

    /** Below this a transfer is over before a bar would tell anything. */
    static final long THRESHOLD_BYTES = 4L * 1024 * 1024;

    private static final int MEBIBYTE = 1024 * 1024;

    private final String what;
    private final CliEnvironment environment;
    private final boolean enabled;
    private ProgressBar bar;
    private String extra = "";

    private TransferProgress(String what, CliEnvironment environment, boolean enabled) {
        this.what = what;
        this.environment = environment;
        this.enabled = enabled;
    }

    /**
     * @param what what moves, e.g. {@code get a.dat}
     * @param wanted false when the user asked for no progress
     */
    static TransferProgress of(String what, CliEnvironment environment, boolean wanted) {
        return new TransferProgress(what, environment, wanted);
    }

    @Override
    public synchronized void progress(long done, long total) {
        if (bar == null) {
            if (!enabled || total < THRESHOLD_BYTES) {
                return;
            }
            bar = start(done, total);
            bar.setExtraMessage(extra);
        }
        bar.stepTo(done);
    }

    /** Shows the measured round-trip time and the transports beside the rate and time left. */
    synchronized void paths(double rttMillis, java.util.List<String> transports) {
        extra = String.format(Locale.ROOT, "rtt %.1f ms %s", rttMillis, String.join("+", transports));
        if (bar != null) {
            bar.setExtraMessage(extra);
        }
    }

    /** Draws the final state and ends the line, so what is printed next starts on its own line. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    private ProgressBar start(long done, long total) {
        return ProgressBars.builder(what, environment)
                .setInitialMax(total)
                .startsFrom(done, Duration.ZERO)
                .setUnit("MiB", MEBIBYTE)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .build();
    }
}
