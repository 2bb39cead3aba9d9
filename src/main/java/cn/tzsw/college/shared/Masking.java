package cn.tzsw.college.shared;

/** Masks personal data wherever the full value is not needed (e.g. 3310**********123X, 138****5678). */
public final class Masking {

    private Masking() {
    }

    public static String idNumber(String id) {
        return keepEnds(id, 4, 4);
    }

    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /** Keeps the family name (first character) of a Chinese name: 张** . */
    public static String name(String name) {
        if (name == null || name.length() <= 1) {
            return name;
        }
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
