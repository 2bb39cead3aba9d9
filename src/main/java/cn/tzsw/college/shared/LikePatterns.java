package cn.tzsw.college.shared;

/**
 * SQL LIKE patterns from text a person typed: their own % and _ (and the escape character \, MariaDB's default)
 * match themselves, not any text.
 */
public final class LikePatterns {

    private LikePatterns() {
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Matches values that start with the text. */
    public static String startingWith(String text) {
        return escape(text) + "%";
    }

    /** Matches values that contain the text. */
    public static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
