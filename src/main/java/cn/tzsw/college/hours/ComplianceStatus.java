package cn.tzsw.college.hours;

/**
 * Where a trainee stands against the continuing-education requirement of the current period. "On track" means
 * at least the share of the requirement that matches the share of the period already elapsed.
 */
public enum ComplianceStatus {
    NOT_REQUIRED, MET, ON_TRACK, BEHIND;

    public boolean compliant() {
        return this != BEHIND;
    }

    public String messageKey() {
        return "compliance." + name();
    }
}
