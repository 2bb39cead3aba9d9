package cn.tzsw.college.shared;

import java.math.BigDecimal;

/** Hours as people read them: no trailing zeros, no exponent (2.50 → 2.5, 10.0 → 10). */
public final class HoursText {

    private HoursText() {
    }

    public static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
