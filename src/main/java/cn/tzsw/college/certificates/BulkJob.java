package cn.tzsw.college.certificates;

import java.time.LocalDateTime;

/**
 * A bulk issue and how far it got.
 *
 * @param processed completions looked at so far
 * @param issued    certificates newly issued (the others existed already)
 */
public record BulkJob(long id, BulkScope scope, long subjectId, String subjectTitle, BulkState state, int total,
                      int processed, int issued, LocalDateTime createdAt, String createdBy, LocalDateTime finishedAt,
                      String error) {

    /** Share done, 0..1. */
    public double progress() {
        return state == BulkState.DONE ? 1.0 : total == 0 ? 0.0 : Math.min(1.0, (double) processed / total);
    }
}
