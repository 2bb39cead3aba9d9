package cn.tzsw.college.catalog;

import cn.tzsw.college.catalog.domain.Course;
import cn.tzsw.college.catalog.domain.CourseCategoryEntity;
import cn.tzsw.college.catalog.domain.CourseCategoryRepository;
import cn.tzsw.college.catalog.domain.CourseRepository;
import cn.tzsw.college.catalog.domain.Lecture;
import cn.tzsw.college.catalog.domain.LectureQuotaRepository;
import cn.tzsw.college.catalog.domain.LectureRepository;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.Texts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue as everybody reads it; no sign-in needed. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private static final LocalDateTime FAR_FUTURE = LocalDateTime.of(9999, 1, 1, 0, 0);

    private final LectureRepository lectures;
    private final CourseRepository courses;
    private final LectureQuotaRepository quotas;
    private final CourseCategoryRepository categories;
    private final Clock clock;

    CatalogService(LectureRepository lectures, CourseRepository courses, LectureQuotaRepository quotas,
                   CourseCategoryRepository categories, Clock clock) {
        this.lectures = lectures;
        this.courses = courses;
        this.quotas = quotas;
        this.categories = categories;
        this.clock = clock;
    }

    /** One page of published lectures: upcoming ones, or those of the chosen month. */
    public Page<LectureInfo> search(CatalogQuery query, Pageable pageable) {
        LocalDateTime from = query.month() == null ? LocalDate.now(clock).atStartOfDay() : query.month().atDay(1).atStartOfDay();
        LocalDateTime to = query.month() == null ? FAR_FUTURE : query.month().plusMonths(1).atDay(1).atStartOfDay();
        String text = query.text() == null ? "" : query.text().strip();
        Page<Lecture> page = lectures.catalogue(text, query.categoryId(), query.format(), Texts.blankToNull(query.organiserCode()),
                from, to, query.freeSeatsOnly(), LocalDateTime.now(clock), pageable);
        return new PageImpl<>(toInfos(page.getContent()), pageable, page.getTotalElements());
    }

    /** A lecture of a published course, as the public detail page shows it. */
    public Optional<LectureInfo> findPublished(long lectureId) {
        return find(lectureId).filter(info -> info.courseStatus() == CourseStatus.PUBLISHED);
    }

    /** Any lecture, whatever its course's status; for capabilities that already hold its id. */
    public Optional<LectureInfo> find(long lectureId) {
        return lectures.findWithCourseById(lectureId).map(lecture -> toInfos(List.of(lecture)).getFirst());
    }

    public LectureInfo get(long lectureId) {
        return find(lectureId).orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
    }

    public List<LectureInfo> findAll(Collection<Long> lectureIds) {
        return lectureIds.isEmpty() ? List.of() : toInfos(lectures.findByIdIn(lectureIds));
    }

    /** Any course, whatever its status; for capabilities that already hold its id. */
    public CourseSummary course(long courseId) {
        return courses.findById(courseId).map(CatalogService::toSummary)
                .orElseThrow(() -> new BusinessRuleException("course.unknown", courseId));
    }

    public List<Category> categories() {
        return categories.findAllByOrderBySortOrderAscIdAsc().stream().map(CourseCategoryEntity::toCategory).toList();
    }

    List<LectureInfo> toInfos(List<Lecture> page) {
        Map<Long, Map<String, Integer>> quotaSeats = quotas.seatsByLecture(page.stream().map(Lecture::getId).toList());
        return page.stream().map(l -> toInfo(l, quotaSeats.getOrDefault(l.getId(), Map.of()))).toList();
    }

    static CourseSummary toSummary(Course c) {
        return new CourseSummary(c.getId(), c.getTitle(), c.getCategory().toCategory(), c.getCreditHours(),
                c.getFormat(), c.getOrganiserCode(), c.getStatus());
    }

    private static LectureInfo toInfo(Lecture l, Map<String, Integer> quotaSeats) {
        var c = l.getCourse();
        return new LectureInfo(l.getId(), c.getId(), c.getTitle(), c.getSummary(), c.getCategory().toCategory(),
                c.getCreditHours(), c.getFormat(), c.getOrganiserCode(), c.instructors(), c.targetLevels(), c.getStatus(),
                l.getStartsAt(), l.getEndsAt(), l.getVenue(), l.getStreamUrl(), l.getVideoUrl(), l.getCapacity(),
                l.getTaken(), l.getRegistrationOpens(), l.getRegistrationCloses(), l.getCancellationDeadline(),
                l.getRegionRestriction(), Map.copyOf(quotaSeats), l.getStatus());
    }
}
