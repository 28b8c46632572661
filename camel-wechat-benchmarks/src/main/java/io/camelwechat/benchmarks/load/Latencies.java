package io.camelwechat.benchmarks.load;

import java.util.Arrays;
import java.util.Collection;

/**
 * Call latencies in nanoseconds. One recorder per thread ({@link #record} is not thread-safe); {@link #merge}
 * combines them into a sorted summary.
 */
final class Latencies {

    private long[] values = new long[4096];
    private int size;

    void record(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Summary merge(Collection<Latencies> recorders) {
        int total = recorders.stream().mapToInt(Latencies::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies recorder : recorders) {
            System.arraycopy(recorder.values, 0, all, at, recorder.size);
            at += recorder.size;
        }
        Arrays.sort(all);
        return new Summary(all);
    }

    /** Sorted latencies. */
    static final class Summary {
        private final long[] sorted;

        Summary(long[] sorted) {
            this.sorted = sorted;
        }

        int count() {
            return sorted.length;
        }

        /** The nearest-rank percentile in milliseconds; NaN without samples. */
        double percentileMillis(double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        double p50() {
            return percentileMillis(50);
        }

        double p99() {
            return percentileMillis(99);
        }

        double maxMillis() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
        }

        double meanMillis() {
            return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
        }

        /** The share of samples above {@code millis}. */
        double fractionAbove(double millis) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            long threshold = (long) (millis * 1e6);
            int firstAbove = sorted.length;
            while (firstAbove > 0 && sorted[firstAbove - 1] > threshold) {
                firstAbove--;
            }
            return (sorted.length - firstAbove) / (double) sorted.length;
        }

        /** A summary of raw nanoseconds (sorts a copy). */
        static Summary sorted(long[] nanos) {
            long[] copy = nanos.clone();
            Arrays.sort(copy);
            return new Summary(copy);
        }

        static Summary merge(Collection<Summary> summaries) {
            int total = summaries.stream().mapToInt(Summary::count).sum();
            long[] all = new long[total];
            int at = 0;
            for (Summary summary : summaries) {
                System.arraycopy(summary.sorted, 0, all, at, summary.sorted.length);
                at += summary.sorted.length;
            }
            Arrays.sort(all);
            return new Summary(all);
        }
    }
}
