package cn.tzsw.college.shared;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates for people: as Chinese readers expect them (2026年11月29日) in any language but English, ISO dates in
 * English. One place for views, mails, the verification page and the certificates alike.
 */
public final class ChineseDates {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter CHINESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String[] DIGITS = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ChineseDates() {
    }

    /** The date in the reader's language; empty for none. */
    public static String format(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return isEnglish(locale) ? DateTimeFormatter.ISO_LOCAL_DATE.format(date) : CHINESE_DATE.format(date);
    }

    /** Date and time to the minute in the reader's language; empty for none. */
    public static String format(LocalDateTime dateTime, Locale locale) {
        if (dateTime == null) {
            return "";
        }
        return (isEnglish(locale) ? ISO_DATE_TIME : CHINESE_DATE_TIME).format(dateTime);
    }

    /** 二〇二六年十一月二十九日, as dates are written under a seal. */
    public static String numerals(LocalDate date) {
        StringBuilder year = new StringBuilder();
        for (char digit : String.valueOf(date.getYear()).toCharArray()) {
            year.append(DIGITS[digit - '0']);
        }
        return year + "年" + number(date.getMonthValue()) + "月" + number(date.getDayOfMonth()) + "日";
    }

    private static String number(int n) {
        if (n < 10) {
            return DIGITS[n];
        }
        return (n / 10 == 1 ? "" : DIGITS[n / 10]) + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
