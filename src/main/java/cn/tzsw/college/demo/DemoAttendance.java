package cn.tzsw.college.demo;

import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Makes the demo's recorded lectures watchable: a short generated clip (ffmpeg's test pattern, 12 s) as their
 * uploaded video, and the first three demo trainees registered, so a newcomer can play one to the end.
 */
@Component
@Profile("demo")
@Order(40)
class DemoAttendance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAttendance.class);
    private static final String CLIP = "/demo/lecture-demo.mp4";

    private final CatalogService catalog;
    private final LectureSetup setup;
    private final RegistrationService registrations;
    private final UserDetailsService users;

    DemoAttendance(CatalogService catalog, LectureSetup setup, RegistrationService registrations,
                   UserDetailsService users) {
        this.catalog = catalog;
        this.setup = setup;
        this.registrations = registrations;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        CatalogQuery recorded = new CatalogQuery("", null, CourseFormat.RECORDED_VIDEO, null, null, false);
        for (LectureInfo lecture : catalog.search(recorded, PageRequest.of(0, 20))) {
            if (setup.media(lecture.id()).hasVideo()) {
                continue;
            }
            SystemTasks.runAsSystem(() -> {
                try (InputStream clip = getClass().getResourceAsStream(CLIP)) {
                    return setup.uploadVideo(lecture.id(), "演示录像.mp4", clip);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            for (int i = 0; i < 3; i++) {
                try {
                    SystemTasks.runAs(users.loadUserByUsername(DemoData.demoPhone(i)),
                            () -> registrations.register(lecture.id()));
                } catch (BusinessRuleException e) {
                    log.info("Demo trainee {} not registered for lecture {}: {}", i, lecture.id(), e.messageKey());
                }
            }
            log.info("Demo video attached to lecture {} ({})", lecture.id(), lecture.courseTitle());
        }
    }
}
