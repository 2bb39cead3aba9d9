package cn.tzsw.college.attendance.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A union of closed intervals of seconds, kept sorted and merged: watching the same part twice adds nothing.
 * Stored as text, e.g. "0-610.5;900-1200".
 */
public final class Intervals {

    /** Segments closer than this are one (heartbeats split continuous playing at rounding points). */
    private static final double JOIN = 0.5;

    private final List<double[]> spans = new ArrayList<>();

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

    /** Adds [start, end]; returns how many seconds were new. */
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
            if (span[1] + JOIN < s) {
                merged.add(span);
            } else if (e + JOIN < span[0]) {
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

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (double[] span : spans) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            append(text, span[0]);
            text.append('-');
            append(text, span[1]);
        }
        return text.toString();
    }

    /** Seconds to a tenth, without a trailing ".0" (written on every heartbeat, so no String.format). */
    private static void append(StringBuilder text, double seconds) {
        long tenths = Math.round(seconds * 10);
        text.append(tenths / 10);
        if (tenths % 10 != 0) {
            text.append('.').append(tenths % 10);
        }
    }
}
