package cn.tzsw.college.attendance.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A union of closed intervals of seconds, kept sorted and merged: watching the same part twice adds nothing.
 * Only overlapping or touching spans are joined, so the union never holds a second that was not added.
 * Stored as text to the millisecond, e.g. "0-610.5;900-1200.125", each span shrunk inwards to the millisecond
 * grid: what is stored and read back never exceeds what was credited.
 */
public final class Intervals {

    private static final double MILLIS_PER_SECOND = 1000;
    /** Products like 0.3 * 1000 land a hair off the grid; closer than this is on it. */
    private static final double GRID_SLACK = 1e-6;

    private final List<double[]> spans = new ArrayList<>();

    /** Reads the text form (this one, or the older one rounded to tenths). */
    public static Intervals parse(String text) {
        Intervals intervals = new Intervals();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(";")) {
                String[] ends = part.split("-");
                intervals.add(Double.parseDouble(ends[0]), Double.parseDouble(ends[1]));
            }
        }
        return intervals;
    }

    /** Adds [start, end]; returns how many seconds were new (none for an empty, reversed or NaN span). */
    public double add(double start, double end) {
        if (!(end > start)) {
            return 0;
        }
        double before = total();
        double s = start;
        double e = end;
        List<double[]> merged = new ArrayList<>();
        boolean placed = false;
        for (double[] span : spans) {
            if (span[1] < s) {
                merged.add(span);
            } else if (e < span[0]) {
                if (!placed) {
                    merged.add(new double[] {s, e});
                    placed = true;
                }
                merged.add(span);
            } else {
                s = Math.min(s, span[0]);
                e = Math.max(e, span[1]);
            }
        }
        if (!placed) {
            merged.add(new double[] {s, e});
        }
        spans.clear();
        spans.addAll(merged);
        return total() - before;
    }

    public double total() {
        double sum = 0;
        for (double[] span : spans) {
            sum += span[1] - span[0];
        }
        return sum;
    }

    /** The spans, sorted and disjoint (copies). */
    public List<double[]> spans() {
        return spans.stream().map(double[]::clone).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (double[] span : spans) {
            long start = (long) Math.ceil(span[0] * MILLIS_PER_SECOND - GRID_SLACK);
            long end = (long) Math.floor(span[1] * MILLIS_PER_SECOND + GRID_SLACK);
            if (end <= start) {
                continue; // shorter than the grid: not stored
            }
            if (!text.isEmpty()) {
                text.append(';');
            }
            append(text, start);
            text.append('-');
            append(text, end);
        }
        return text.toString();
    }

    /** Milliseconds as seconds without trailing zeros (written on every heartbeat, so no String.format). */
    private static void append(StringBuilder text, long millis) {
        text.append(millis / 1000);
        long fraction = millis % 1000;
        if (fraction != 0) {
            text.append('.');
            if (fraction < 100) {
                text.append('0');
            }
            if (fraction < 10) {
                text.append('0');
            }
            while (fraction % 10 == 0) {
                fraction /= 10;
            }
            text.append(fraction);
        }
    }
}
