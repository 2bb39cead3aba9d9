package cn.tzsw.college.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A notice (通知公告) of the college; {@code publishedOn} null is a draft that only administrators see. */
public record Notice(long id, String title, String body, LocalDate publishedOn, LocalDateTime updatedAt,
                     String updatedBy) {

    public boolean published() {
        return publishedOn != null;
    }
}
