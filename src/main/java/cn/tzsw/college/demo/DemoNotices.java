package cn.tzsw.college.demo;

import cn.tzsw.college.portal.NoticeService;
import cn.tzsw.college.security.SystemTasks;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Two published notices for the portal (profile {@code demo}); written once, a restart adds nothing. */
@Component
@Profile("demo")
@Order(50)
class DemoNotices implements ApplicationRunner {

    private final NoticeService notices;
    private final Clock clock;

    DemoNotices(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!notices.latest(1).isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        SystemTasks.runAsSystem(() -> {
            publish("关于开展年度社会工作者继续教育培训的通知", """
                    各县（市、区）社会工作主管部门、各位持证社会工作者：

                    根据《社会工作者继续教育办法》，持证社会工作者每个注册有效期内应完成规定的继续教育学时。学院本年度面向全市开设线下面授、直播和录播课程，请登录平台在“课程目录”中选择讲座报名。

                    学时将在完成讲座后自动计入“我的学时”，结业证书可在“我的证书”中下载。""", today.minusDays(3));
            publish("平台试运行及常见问题说明", """
                    培训与认证平台已开放试运行。首次使用请以手机号注册；已由协调员导入名单的社工，使用同一手机号注册即可认领账号。

                    忘记密码时，可在登录页点击“忘记密码”，通过登记的电子邮箱重置；未登记邮箱的，请联系学院管理员。""", today);
            return null;
        });
    }

    private void publish(String title, String body, LocalDate on) {
        notices.publish(notices.create(title, body), on);
    }
}
