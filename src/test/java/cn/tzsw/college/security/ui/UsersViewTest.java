package cn.tzsw.college.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.ViewTest;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptLock;
import cn.tzsw.college.security.AttemptRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 13, finding 6: an administrator sees a locked account in 用户管理 and lifts the lock. */
class UsersViewTest extends ViewTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AttemptLimiter limiter;

    @Test
    @SuppressWarnings("unchecked")
    void an_administrator_sees_a_locked_account_and_lifts_the_lock() {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        for (int i = 0; i < 5; i++) {
            limiter.count(AttemptRule.SIGN_IN_ACCOUNT, phone);
        }

        openAs("admin");
        navigate(UsersView.class);
        test($(Button.class).id("sign-in-locks")).click();
        GridTester<Grid<AttemptLock>, AttemptLock> locks = test((Grid<AttemptLock>) $(Grid.class).id("sign-in-lock-grid"));
        int row = IntStream.range(0, locks.size()).filter(i -> locks.getRow(i).subject().equals(phone))
                .findFirst().orElseThrow(() -> new AssertionError(phone + " is not listed as locked"));
        assertThat(locks.getCellText(row, 1)).isEqualTo(phone);

        Button lift = (Button) locks.getCellComponent(row, 3);
        assertThat(lift.getId()).contains("lift-sign-in-account-" + phone);
        test(lift).click();

        assertThat(notifications()).contains("已解除对 " + phone + " 的锁定。");
        assertThat(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, phone)).isEmpty();
    }
}
