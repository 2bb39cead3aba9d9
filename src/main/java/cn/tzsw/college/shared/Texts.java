package cn.tzsw.college.shared;

/** Small rules for text that users type. */
public final class Texts {

    private Texts() {
    }

    /** Optional fields: blank means "not given" and is stored as null; anything else without surrounding spaces. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
