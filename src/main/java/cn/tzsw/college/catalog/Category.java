package cn.tzsw.college.catalog;

import java.util.Locale;

public record Category(long id, String nameZh, String nameEn) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
