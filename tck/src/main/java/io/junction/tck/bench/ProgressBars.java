package io.junction.tck.bench;

import io.junction.tck.bench.load.PhaseListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;

/** A console progress bar per phase: requests sent out of the phase's total, warm-up included. */
final class ProgressBars
{
    // a fixed width: asking the terminal for its width loads JLine's native library, and stderr may not be a terminal
    private static final int WIDTH = 110;

    private ProgressBars() {}

    static PhaseListener bar(String label, long total, PrintStream stream)
    {
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName(label)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setUnit(" req", 1)
                .showSpeed()
                .setMaxRenderedLength(WIDTH)
                .setConsumer(new ConsoleProgressBarConsumer(stream, WIDTH))
                .build();
        return new Bar(bar);
    }

    private record Bar(ProgressBar bar)
            implements PhaseListener, AutoCloseable
    {
        @Override
        public void progress(long sent, long total)
        {
            bar.stepTo(sent);
        }

        @Override
        public void measuring()
        {
            bar.setExtraMessage(" measuring");
        }

        @Override
        public void close()
        {
            bar.close();
        }
    }
}
