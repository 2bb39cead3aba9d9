package cn.tzsw.college.security;

/** What a signed-in person may do. Coordinators and county-school staff are bound to a region. */
public enum Role {
    /** A social worker taking courses. */
    TRAINEE,
    /** A college (or county branch school) administrator. */
    ADMIN,
    /** A city, county or township coordinator who sees the trainees of their region subtree only. */
    COORDINATOR,
    /** A lecturer who opens the lecture-room display and rosters of their own lectures. */
    INSTRUCTOR;

    /** Role names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final class Names {
        public static final String TRAINEE = "TRAINEE";
        public static final String ADMIN = "ADMIN";
        public static final String COORDINATOR = "COORDINATOR";
        public static final String INSTRUCTOR = "INSTRUCTOR";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
