package cn.tzsw.college;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run once per cluster (several app nodes over one database) take a lock row in the
 * {@code shedlock} table first ({@code @SchedulerLock}); a node that finds the job locked skips that run. Lock
 * times are the database's, so the nodes' clocks need not agree. Jobs that share their work row by row instead
 * (the mail dispatcher, the bulk-issue worker: {@code SKIP LOCKED}) and per-node ones (forgetting idle players)
 * take no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulerLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
