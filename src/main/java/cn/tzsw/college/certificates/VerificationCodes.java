package cn.tzsw.college.certificates;

import java.security.SecureRandom;
import java.util.Locale;

/** Verification codes: 20 base32 characters (100 random bits), printed in groups of four. */
public final class VerificationCodes {

    static final int LENGTH = 20;
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private VerificationCodes() {
    }

    static String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(code);
    }

    /** The code as typed or printed (any case, with or without dashes/spaces), or null when it cannot be one. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return code.matches("[A-Z2-7]{" + LENGTH + "}") ? code : null;
    }

    static String group(String code) {
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                grouped.append('-');
            }
            grouped.append(code, i, Math.min(code.length(), i + 4));
        }
        return grouped.toString();
    }
}
