package cn.tzsw.college.security;

import java.time.LocalDateTime;

/**
 * A key used up its attempts and is locked until {@code until}; {@code locks} counts the locks in a row. For the
 * audit trail.
 */
public record AttemptsLocked(AttemptRule rule, String subject, LocalDateTime until, int locks) {
}
