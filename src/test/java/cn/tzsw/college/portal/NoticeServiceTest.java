package cn.tzsw.college.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** 通知公告: administrators write, publish with a date and take back; the portal shows only what is published. */
class NoticeServiceTest extends IntegrationTest {

    @Autowired
    NoticeService notices;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Clock clock;

    @Test
    void a_draft_is_not_on_the_portal_until_published_and_leaves_it_when_taken_back() {
        long id = fixtures.as("admin", () -> notices.create("2027年度继续教育安排", "第一段。\n\n第二段。"));
        assertThat(notices.latest(50)).extracting(Notice::id).doesNotContain(id);
        assertThat(notices.find(id)).isEmpty();

        fixtures.as("admin", () -> {
            notices.publish(id, LocalDate.now(clock));
            return null;
        });
        assertThat(notices.latest(50)).extracting(Notice::id).contains(id);
        assertThat(notices.find(id)).map(Notice::title).contains("2027年度继续教育安排");

        fixtures.as("admin", () -> {
            notices.unpublish(id);
            return null;
        });
        assertThat(notices.latest(50)).extracting(Notice::id).doesNotContain(id);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_event WHERE subject_type = 'notice' AND subject_id = ?",
                String.valueOf(id))).isEqualTo(3);
    }

    @Test
    void a_notice_dated_ahead_appears_on_its_day_only() {
        long id = fixtures.as("admin", () -> notices.create("下月通知", "内容"));
        fixtures.as("admin", () -> {
            notices.publish(id, LocalDate.now(clock).plusDays(3));
            return null;
        });
        assertThat(notices.latest(50)).extracting(Notice::id).doesNotContain(id);
        assertThat(notices.find(id)).isEmpty();
    }

    @Test
    void only_administrators_write_notices() {
        assertThatThrownBy(() -> fixtures.as("jj-coord", () -> notices.create("标题", "内容")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> notices.create("标题", "内容")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void a_notice_needs_a_title_and_a_text() {
        assertThatThrownBy(() -> fixtures.as("admin", () -> notices.create("  ", "内容")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("notice.title.required");
        assertThatThrownBy(() -> fixtures.as("admin", () -> notices.create("标题", "")))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("notice.body.required");
    }
}
