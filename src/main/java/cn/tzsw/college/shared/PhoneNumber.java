package cn.tzsw.college.shared;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting with 13-19. */
public final class PhoneNumber {

    private static final String PATTERN = "^1[3-9]\\d{9}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private PhoneNumber() {
    }

    public static boolean isValid(String text) {
        return text != null && COMPILED.matcher(text.strip()).matches();
    }
}
