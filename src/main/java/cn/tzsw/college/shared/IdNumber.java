package cn.tzsw.college.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A mainland citizen ID number (居民身份证号码, GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check
 * character. Immutable and always valid once constructed; a lower-case x is read as X.
 */
public record IdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /** Why a text is not a valid ID number; each has its own message key. */
    public enum Problem {
        LENGTH("validation.idNumber.length"),
        FORMAT("validation.idNumber.format"),
        BIRTH_DATE("validation.idNumber.birthDate"),
        CHECK_DIGIT("validation.idNumber.checkDigit");

        private final String messageKey;

        Problem(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public IdNumber {
        Optional<Problem> problem = check(value);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid ID number: " + problem.get());
        }
        value = normalise(value);
    }

    public static IdNumber of(String text) {
        return new IdNumber(text);
    }

    /** The first problem of the text as an ID number, or empty when it is valid. */
    public static Optional<Problem> check(String text) {
        if (text == null) {
            return Optional.of(Problem.LENGTH);
        }
        String id = normalise(text);
        if (id.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return Optional.of(Problem.FORMAT);
            }
        }
        char last = id.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Optional.of(Problem.FORMAT);
        }
        LocalDate birth = parseBirthDate(id);
        if (birth == null || birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now())) {
            return Optional.of(Problem.BIRTH_DATE);
        }
        if (last != checkCharacter(id)) {
            return Optional.of(Problem.CHECK_DIGIT);
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return check(text).isEmpty();
    }

    /** The check character for the first 17 digits of the text. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    public LocalDate birthDate() {
        return parseBirthDate(value);
    }

    /** The 17th digit is odd for men and even for women. */
    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String text) {
        return text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static LocalDate parseBirthDate(String id) {
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
