package cn.tzsw.college.security;

import cn.tzsw.college.shared.BusinessRuleException;
import java.time.LocalDateTime;

/**
 * A key that used up its attempts, locked until {@code until} (college time). {@code untilText} is that time as
 * people read it: "10:42" today, "12-07 10:42" on another day.
 */
public record AttemptLock(AttemptRule rule, String subject, LocalDateTime until, String untilText) {

    /** The refusal to show while the lock holds; the message takes the time as its argument {0}. */
    public BusinessRuleException refusal(String messageKey) {
        return new BusinessRuleException(messageKey, untilText);
    }
}
