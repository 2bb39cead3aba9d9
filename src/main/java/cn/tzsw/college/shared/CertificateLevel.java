package cn.tzsw.college.shared;

/** The national social-work qualification a trainee holds (社会工作者职业资格). */
public enum CertificateLevel {
    NONE, ASSISTANT, INTERMEDIATE, SENIOR;

    /** Certified trainees have a 3-year registration period with a continuing-education requirement. */
    public boolean certified() {
        return this != NONE;
    }

    public String messageKey() {
        return "certificateLevel." + name();
    }
}
