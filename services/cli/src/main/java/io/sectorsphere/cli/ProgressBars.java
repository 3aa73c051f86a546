package io.sectorsphere.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** What every progress bar of the command shares: where it is drawn, how wide, in which characters. */
final class ProgressBars {

    private static final int DEFAULT_WIDTH = 80;
    private static final int MAX_TASK_NAME = 24;

    private ProgressBars() {
    }

    /** A bar on standard error named after {@code what}, shortened to fit. */
    static ProgressBarBuilder builder(String what, CliEnvironment environment) {
        // The end of a long name tells things apart better than its start.
        String name = what.length() <= MAX_TASK_NAME ? what : "..." + what.substring(what.length() - MAX_TASK_NAME + 3);
        return new ProgressBarBuilder()
                .setTaskName(name)
                // A log file gets plain characters instead of block glyphs and colour codes.
                .setStyle(environment.stderrIsTerminal() ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK
                        : ProgressBarStyle.ASCII)
                // An explicit width keeps the library from opening a jline terminal, which on this
                // JDK warns on stderr about native access.
                .setConsumer(new ConsoleProgressBarConsumer(environment.stderr(), width(environment)));
    }

    /** The terminal's width where the shell exports it, else the classic 80 columns. */
    private static int width(CliEnvironment environment) {
        String columns = environment.variable("COLUMNS");
        try {
            int width = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns);
            return width >= 40 ? width - 1 : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
