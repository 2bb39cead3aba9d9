package cn.tzsw.college.trainees;

import java.util.List;
import java.util.Locale;

/** The columns of a roster file, recognised by their Chinese or English header (order does not matter). */
public enum RosterColumn {
    NAME(true, "姓名", "name"),
    ID_NUMBER(true, "身份证号", "id number", "身份证号码", "身份证", "idnumber"),
    PHONE(true, "手机号", "phone", "手机", "手机号码", "mobile"),
    REGION(true, "所在村社区或乡镇街道", "region", "村社区", "所在区域", "区划代码", "village or township"),
    WORK_UNIT(true, "工作单位", "work unit", "workunit", "单位"),
    LEVEL(true, "职业资格等级", "certificate level", "证书等级", "等级", "level"),
    PERIOD_START(false, "注册周期开始日期", "registration period start", "注册有效期开始日期", "period start"),
    EMAIL(false, "电子邮箱", "email", "邮箱", "e-mail");

    private final boolean required;
    private final List<String> headers;

    RosterColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** The header the template uses. */
    public String templateHeader() {
        return headers.getFirst() + (required ? "*" : "");
    }

    public String englishHeader() {
        return headers.get(1);
    }

    public String messageKey() {
        return "roster.column." + name();
    }

    /** Matches a header cell: case, spaces, brackets, required marks and the like do not matter. */
    static RosterColumn byHeader(String header) {
        String wanted = normalise(header);
        for (RosterColumn column : values()) {
            for (String alias : column.headers) {
                if (normalise(alias).equals(wanted)) {
                    return column;
                }
            }
        }
        return null;
    }

    private static String normalise(String text) {
        return text == null ? "" : text.replaceAll("[\\s*＊()（）/、\\-_:：\\uFEFF]", "").toLowerCase(Locale.ROOT);
    }
}
