package cn.tzsw.college.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Dates as Chinese readers expect them (2026年11月29日, weeks starting on Monday); ISO dates in English. */
public final class ChineseDates {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter CHINESE_DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter ISO_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ChineseDates() {
    }

    public static String format(LocalDate date) {
        if (date == null) {
            return "";
        }
        return isChinese() ? CHINESE_DATE.format(date) : DateTimeFormatter.ISO_LOCAL_DATE.format(date);
    }

    public static String format(LocalDateTime dateTime) {
        if (dateTime == null) {
            return "";
        }
        return (isChinese() ? CHINESE_DATE_TIME : ISO_DATE_TIME).format(dateTime);
    }

    public static DatePicker.DatePickerI18n datePickerI18n() {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        i18n.setFirstDayOfWeek(1);
        if (isChinese()) {
            i18n.setMonthNames(List.of("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月",
                    "十一月", "十二月"));
            i18n.setWeekdays(List.of("星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"));
            i18n.setWeekdaysShort(List.of("日", "一", "二", "三", "四", "五", "六"));
            i18n.setToday("今天");
            i18n.setCancel("取消");
        }
        return i18n;
    }

    private static boolean isChinese() {
        UI ui = UI.getCurrent();
        return ui == null || !Locale.ENGLISH.equals(Languages.normalise(ui.getLocale()));
    }
}
