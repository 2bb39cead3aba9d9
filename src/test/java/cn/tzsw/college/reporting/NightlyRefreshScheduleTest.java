package cn.tzsw.college.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The nightly refresh fires at {@code app.reporting.refresh-cron}: 00:05 unless configured, and as often as the
 * cluster test wants it when configured. Only the scheduling is started, no application.
 */
class NightlyRefreshScheduleTest {

    @Test
    void the_refresh_fires_five_minutes_after_midnight_unless_configured() {
        assertThat(refreshCrons(Map.of())).containsExactly("0 5 0 * * *");
    }

    @Test
    void the_refresh_fires_at_the_configured_cron() {
        assertThat(refreshCrons(Map.of("app.reporting.refresh-cron", "0 30 3 * * *")))
                .containsExactly("0 30 3 * * *");
    }

    private static List<String> refreshCrons(Map<String, Object> properties) {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", properties));
            // the rollup is never called: no cron here comes due while the context is open
            context.registerBean(StandingRollup.class, () -> new StandingRollup(null, Clock.systemUTC()));
            context.register(Scheduling.class, NightlyRefresh.class);
            context.refresh();
            return context.getBean(ScheduledTaskHolder.class).getScheduledTasks().stream()
                    .map(task -> task.getTask())
                    .filter(CronTask.class::isInstance)
                    .map(task -> ((CronTask) task).getExpression())
                    .toList();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }
}
