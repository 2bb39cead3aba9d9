package cn.tzsw.college.tracking;

import cn.tzsw.college.hours.ComplianceStatus;
import cn.tzsw.college.shared.CertificateLevel;

/**
 * What the trainee directory narrows by; every part optional. {@code regionCode} may be any tier (city, county,
 * township, village) inside the caller's subtree; {@code text} is a name fragment, a full phone or ID number.
 */
public record DirectoryFilter(String text, String regionCode, String workUnit, CertificateLevel level,
                              ComplianceStatus compliance) {

    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null);
    }
}
