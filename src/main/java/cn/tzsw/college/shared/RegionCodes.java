package cn.tzsw.college.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 12-digit statistical division codes (统计用区划代码): 2 digits province, 2 city, 2 county, 3 township,
 * 3 village. A unit's subtree is every code that starts with the unit's significant prefix, which is what
 * makes "all units under X" and "is Y inside X" a single indexed range query.
 */
public final class RegionCodes {

    private static final Pattern CODE = Pattern.compile("\\d{12}");
    private static final int[] PREFIX_LENGTHS = {2, 4, 6, 9, 12};

    private RegionCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The significant prefix: 331002000000 -> 331002. Trailing zero groups belong to no unit. */
    public static String subtreePrefix(String code) {
        requireWellFormed(code);
        for (int length : PREFIX_LENGTHS) {
            if (code.substring(length).chars().allMatch(c -> c == '0')) {
                return code.substring(0, length);
            }
        }
        return code;
    }

    public static boolean contains(String ancestorCode, String code) {
        return isWellFormed(code) && code.startsWith(subtreePrefix(ancestorCode));
    }

    /** The codes of the unit's ancestors from the province down, without the unit itself. */
    public static List<String> ancestors(String code) {
        String prefix = subtreePrefix(code);
        List<String> result = new ArrayList<>();
        for (int length : PREFIX_LENGTHS) {
            if (length >= prefix.length()) {
                break;
            }
            result.add(prefix.substring(0, length) + "0".repeat(12 - length));
        }
        return result;
    }

    private static void requireWellFormed(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("not a 12-digit region code: " + code);
        }
    }
}
