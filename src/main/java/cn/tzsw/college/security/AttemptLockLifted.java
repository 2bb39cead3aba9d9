package cn.tzsw.college.security;

/** An administrator lifted a lock before its time. For the audit trail. */
public record AttemptLockLifted(AttemptRule rule, String subject) {
}
