package cn.tzsw.college.demo;

import cn.tzsw.college.attendance.LectureSetup;
import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.trainees.TraineeService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Makes the demo's recorded lectures watchable today: a short generated clip (ffmpeg's test pattern, 12 s) as their
 * uploaded video, their viewing window opened yesterday (a recorded lecture counts only inside its window; the
 * catalogue schedules lectures in the future, so the window is moved back before anyone is on the roster), and demo
 * trainees 5-7 added to the roster (13800000005...; the first ones stay free for other tries, and a recorded
 * lecture's long window would overlap their other registrations), so a newcomer can play one to the end.
 */
@Component
@Profile("demo")
@Order(40)
class DemoAttendance implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAttendance.class);
    private static final String CLIP = "/demo/lecture-demo.mp4";

    private final CatalogService catalog;
    private final CourseAdminService courses;
    private final LectureSetup setup;
    private final RegistrationService registrations;
    private final TraineeService trainees;
    private final UserDetailsService users;
    private final Clock clock;

    DemoAttendance(CatalogService catalog, CourseAdminService courses, LectureSetup setup,
                   RegistrationService registrations, TraineeService trainees, UserDetailsService users, Clock clock) {
        this.catalog = catalog;
        this.courses = courses;
        this.setup = setup;
        this.registrations = registrations;
        this.trainees = trainees;
        this.users = users;
        this.clock = clock;
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
            SystemTasks.runAsSystem(() -> {
                openSinceYesterday(lecture.id());
                return null;
            });
            for (int i = 4; i < 7; i++) {
                UserDetails trainee = users.loadUserByUsername(DemoData.demoPhone(i));
                long traineeId = SystemTasks.runAs(trainee, trainees::mine).orElseThrow().id();
                try {
                    SystemTasks.runAsSystem(() -> registrations.addByAdmin(lecture.id(), traineeId));
                } catch (BusinessRuleException e) {
                    log.info("Demo trainee {} not registered for lecture {}: {}", i, lecture.id(), e.messageKey());
                }
            }
            log.info("Demo video attached to lecture {} ({})", lecture.id(), lecture.courseTitle());
        }
    }

    /** The window starts yesterday at the same hour and ends as scheduled; registration closed when it opened. */
    private void openSinceYesterday(long lectureId) {
        LectureData data = courses.editLecture(lectureId);
        LocalDateTime opens = LocalDate.now(clock).minusDays(1).atTime(data.getStartsAt().toLocalTime());
        if (!data.getStartsAt().isAfter(opens)) {
            return;
        }
        data.setStartsAt(opens);
        data.setRegistrationOpens(opens.minusDays(7));
        data.setRegistrationCloses(opens);
        data.setCancellationDeadline(opens);
        courses.updateLecture(lectureId, data, false);
    }
}
