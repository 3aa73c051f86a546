package io.sectorsphere.cli;

import io.sectorsphere.client.TransferListener;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with rate and time left on standard error, for transfers large enough to wait for.
 * The bar appears at the first report, so a resumed download counts its rate from the bytes it
 * still has to fetch, and a small file never shows one.
 */
final class TransferProgress implements TransferListener, AutoCloseable {

    /** Below this a transfer is over before a bar would tell anything. */
    static final long THRESHOLD_BYTES = 4L * 1024 * 1024;

    private static final int MEBIBYTE = 1024 * 1024;
    private static final int DEFAULT_WIDTH = 80;
    private static final int MAX_TASK_NAME = 24;

    private final String taskName;
    private final CliEnvironment environment;
    private final boolean enabled;
    private ProgressBar bar;
    private String extra = "";

    private TransferProgress(String taskName, CliEnvironment environment, boolean enabled) {
        this.taskName = taskName;
        this.environment = environment;
        this.enabled = enabled;
    }

    /**
     * @param what what moves, e.g. {@code get a.dat}, shortened to fit
     * @param wanted false when the user asked for no progress
     */
    static TransferProgress of(String what, CliEnvironment environment, boolean wanted) {
        // The end of a long name tells files apart better than its start.
        String name = what.length() <= MAX_TASK_NAME ? what : "..." + what.substring(what.length() - MAX_TASK_NAME + 3);
        return new TransferProgress(name, environment, wanted);
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
        boolean terminal = environment.stderrIsTerminal();
        return new ProgressBarBuilder()
                .setTaskName(taskName)
                .setInitialMax(total)
                .startsFrom(done, Duration.ZERO)
                .setUnit("MiB", MEBIBYTE)
                .showSpeed(new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setSpeedUnit(ChronoUnit.SECONDS)
                // A log file gets plain characters instead of block glyphs and colour codes.
                .setStyle(terminal ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
                // An explicit width keeps the library from opening a jline terminal, which on this
                // JDK warns on stderr about native access.
                .setConsumer(new ConsoleProgressBarConsumer(environment.stderr(), width()))
                .build();
    }

    /** The terminal's width where the shell exports it, else the classic 80 columns. */
    private int width() {
        String columns = environment.variable("COLUMNS");
        try {
            int width = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns);
            return width >= 40 ? width - 1 : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
