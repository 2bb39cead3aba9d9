package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.security.AttemptLimiter;
import cn.tzsw.college.security.AttemptRule;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 13, finding 6: an administrator sees a locked account in 用户管理 and lifts the lock. */
class SignInLockBrowserTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AttemptLimiter limiter;

    @Test
    void an_administrator_sees_a_locked_account_and_lifts_the_lock() {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).get(0);
        for (int i = 0; i < 5; i++) {
            limiter.count(AttemptRule.SIGN_IN_ACCOUNT, phone);
        }

        signIn("admin", "Demo@2026");
        open("/admin/users");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-locks"))).click();
        wait.until(d -> pageText().contains(phone));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("lift-sign-in-account-" + phone))).click();

        wait.until(d -> pageText().contains("已解除对 " + phone + " 的锁定"));
        assertThat(limiter.lock(AttemptRule.SIGN_IN_ACCOUNT, phone)).isEmpty();
    }
}
