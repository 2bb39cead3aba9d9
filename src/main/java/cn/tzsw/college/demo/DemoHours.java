package cn.tzsw.college.demo;

import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.hours.PastLecture;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.trainees.TraineeService;
import cn.tzsw.college.trainees.TraineeSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Hours for the demo trainees, so that the progress reports have something to show: about three in four trainees
 * get one to four demo lectures (some of them every demo lecture), earned on days spread over the last eleven months
 * (standing in for earlier sessions of the demo courses). Written once: a ledger that has entries is left alone.
 *
 * <p>This history is what a college brings in from its earlier records, so it goes through the ledger's
 * {@link HoursLedger#recordPastLectures}: one transaction for all of it, and its completion certificates issued
 * in one go without a mail each (nobody is mailed a certificate for a lecture of last spring). Booked lecture by
 * lecture, it took 4.5 to 7 seconds of every first start (226 transactions), two event publications per entry and
 * 226 mails with PDFs; now about a second, two publications in all and no mail.
 */
@Component
@Profile("demo")
@Order(35)
class DemoHours implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHours.class);
    private static final HoursSource[] SOURCES = {HoursSource.IN_PERSON, HoursSource.VIDEO, HoursSource.LIVE_STREAM};

    private final HoursLedger ledger;
    private final TraineeService trainees;
    private final CatalogService catalog;
    private final Clock clock;

    DemoHours(HoursLedger ledger, TraineeService trainees, CatalogService catalog, Clock clock) {
        this.ledger = ledger;
        this.trainees = trainees;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemTasks.runAsSystem(() -> {
            List<TraineeSummary> demo = trainees.search("", null, PageRequest.of(0, 50, Sort.by("id"))).getContent();
            List<LectureInfo> lectures = catalog.search(CatalogQuery.all(), PageRequest.of(0, 50)).getContent();
            if (demo.isEmpty() || lectures.isEmpty() || demo.stream().anyMatch(t -> hasEntries(t.id()))) {
                return null;
            }
            Random random = new Random(20261129);
            LocalDate today = LocalDate.now(clock);
            List<PastLecture> history = new ArrayList<>();
            for (TraineeSummary trainee : demo) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                // Every third one is diligent: enough hours to be on track or done.
                int count = trainee.id() % 3 == 0 ? lectures.size() : 1 + random.nextInt(4);
                for (int i = 0; i < count; i++) {
                    LectureInfo lecture = count == lectures.size() ? lectures.get(i)
                            : lectures.get(random.nextInt(lectures.size()));
                    LocalDate earned = today.minusDays(3 + random.nextInt(330));
                    history.add(new PastLecture(trainee.id(), lecture.id(), SOURCES[random.nextInt(SOURCES.length)],
                            earned));
                }
            }
            int booked = ledger.recordPastLectures(history);
            log.info("Demo hours written: {} ledger entries", booked);
            return null;
        });
    }

    private boolean hasEntries(long traineeId) {
        return !ledger.entries(traineeId, LocalDate.of(2000, 1, 1), LocalDate.of(2100, 1, 1)).isEmpty();
    }
}
