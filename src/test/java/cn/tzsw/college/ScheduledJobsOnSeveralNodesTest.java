package cn.tzsw.college;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ClassUtils;

/**
 * On several app nodes every scheduled job runs once per cluster (under a ShedLock lock), unless it is listed in
 * docs/operations.md ("Several app nodes") as one that shares its work row by row or keeps one node's own memory.
 */
class ScheduledJobsOnSeveralNodesTest {

    /** Jobs that take their rows with SKIP LOCKED (or an equivalent claim), so every node may run them at once. */
    private static final Set<String> SHARED_ROW_BY_ROW = Set.of("MailDispatcher.dispatch", "BulkIssueWorker.work");
    /** Jobs about the node's own memory. */
    private static final Set<String> PER_NODE = Set.of("WatchService.forgetIdle");

    @Test
    void every_scheduled_job_runs_under_the_cluster_lock_or_is_listed_as_shared_or_per_node() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(
                Scheduled.class.getName()));
        List<String> unlocked = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("cn.tzsw.college")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (!method.isAnnotationPresent(Scheduled.class)) {
                    continue;
                }
                String job = type.getSimpleName() + "." + method.getName();
                scheduled.add(job);
                if (!method.isAnnotationPresent(SchedulerLock.class) && !SHARED_ROW_BY_ROW.contains(job)
                        && !PER_NODE.contains(job)) {
                    unlocked.add(job);
                }
            }
        }

        assertThat(scheduled).contains("NightlyRefresh.run").containsAll(SHARED_ROW_BY_ROW).containsAll(PER_NODE);
        assertThat(unlocked).as("scheduled jobs that every node would run").isEmpty();
    }
}
