package cn.tzsw.college.catalog;

import cn.tzsw.college.catalog.domain.Course;
import cn.tzsw.college.catalog.domain.CourseCategoryEntity;
import cn.tzsw.college.catalog.domain.CourseCategoryRepository;
import cn.tzsw.college.catalog.domain.CourseRepository;
import cn.tzsw.college.catalog.domain.Lecture;
import cn.tzsw.college.catalog.domain.LectureQuotaRepository;
import cn.tzsw.college.catalog.domain.LectureRepository;
import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import cn.tzsw.college.regions.RegionService;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.Texts;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/** Administrators build the catalogue and schedule lectures, within their organiser's courses. */
@Service
@Validated
@Transactional
@PreAuthorize("hasRole('ADMIN')")
public class CourseAdminService {

    private static final DateTimeFormatter CLASH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CourseRepository courses;
    private final LectureRepository lectures;
    private final LectureQuotaRepository quotas;
    private final CourseCategoryRepository categories;
    private final CatalogService catalog;
    private final RegionService regions;
    private final OrganiserScope scope;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CourseAdminService(CourseRepository courses, LectureRepository lectures, LectureQuotaRepository quotas,
                       CourseCategoryRepository categories, CatalogService catalog, RegionService regions,
                       OrganiserScope scope, ApplicationEventPublisher events, Clock clock) {
        this.courses = courses;
        this.lectures = lectures;
        this.quotas = quotas;
        this.categories = categories;
        this.catalog = catalog;
        this.regions = regions;
        this.scope = scope;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<CourseSummary> courses(String text, Pageable pageable) {
        Pageable ordered = pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by(Sort.Direction.DESC, "id"));
        return courses.search(scope.restrictedTo().orElse(null), text == null ? "" : text.strip(), ordered)
                .map(CatalogService::toSummary);
    }

    @Transactional(readOnly = true)
    public CourseData edit(long courseId) {
        Course course = managedCourse(courseId);
        CourseData data = new CourseData();
        data.setTitle(course.getTitle());
        data.setSummary(course.getSummary());
        data.setCategoryId(course.getCategory().getId());
        data.setCreditHours(course.getCreditHours());
        data.setFormat(course.getFormat());
        data.setOrganiserCode(course.getOrganiserCode());
        data.setInstructors(new ArrayList<>(course.instructors().stream().map(CourseData.InstructorData::of).toList()));
        data.setTargetLevels(course.targetLevels());
        return data;
    }

    /** The organisers the caller may choose for a course: the college and its county schools, or their own school. */
    @Transactional(readOnly = true)
    public List<Region> organisers() {
        return scope.restrictedTo().map(own -> List.of(regions.get(own))).orElseGet(() -> {
            List<Region> organisers = new ArrayList<>();
            organisers.add(regions.home());
            organisers.addAll(regions.children(regions.home().code()));
            return organisers;
        });
    }

    public long createCourse(@Valid CourseData data) {
        Course course = new Course(data.getOrganiserCode());
        describe(course, data);
        return courses.save(course).getId();
    }

    public void updateCourse(long courseId, @Valid CourseData data) {
        describe(managedCourse(courseId), data);
    }

    public void publish(long courseId) {
        Course course = managedCourse(courseId);
        if (course.getStatus() == CourseStatus.ARCHIVED) {
            throw new BusinessRuleException("course.archived");
        }
        course.changeStatus(CourseStatus.PUBLISHED);
    }

    public void archive(long courseId) {
        managedCourse(courseId).changeStatus(CourseStatus.ARCHIVED);
    }

    @Transactional(readOnly = true)
    public List<LectureInfo> lectures(long courseId) {
        managedCourse(courseId);
        return catalog.toInfos(lectures.findByCourseIdOrderByStartsAt(courseId));
    }

    @Transactional(readOnly = true)
    public LectureData editLecture(long lectureId) {
        LectureInfo info = catalog.get(lectureId);
        scope.requireManages(info.organiserCode());
        LectureData data = new LectureData();
        data.setStartsAt(info.startsAt());
        data.setEndsAt(info.endsAt());
        data.setVenue(info.venue());
        data.setStreamUrl(info.streamUrl());
        data.setVideoUrl(info.videoUrl());
        data.setCapacity(info.capacity());
        data.setRegistrationOpens(info.registrationOpens());
        data.setRegistrationCloses(info.registrationCloses());
        data.setCancellationDeadline(info.cancellationDeadline());
        data.setRegionRestriction(info.regionRestriction());
        data.setQuotas(new LinkedHashMap<>(info.quotaSeats()));
        return data;
    }

    public long scheduleLecture(long courseId, @Valid LectureData data) {
        Course course = managedCourse(courseId);
        if (course.getStatus() == CourseStatus.ARCHIVED) {
            throw new BusinessRuleException("course.archived");
        }
        Lecture lecture = new Lecture(course);
        checkSchedule(course, data, 0L);
        applySchedule(lecture, data);
        lecture.setCapacity(data.getCapacity());
        long id = lectures.saveAndFlush(lecture).getId();
        quotas.replace(id, data.getQuotas());
        return id;
    }

    /**
     * Changes a lecture. Capacity below the seats taken is refused unless {@code moveOverflowToWaitlist}: then
     * the latest registrations go back to the waitlist first. More capacity lets the waitlist move up.
     */
    public void updateLecture(long lectureId, @Valid LectureData data, boolean moveOverflowToWaitlist) {
        Lecture lecture = lectures.lockById(lectureId).orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
        Course course = lecture.getCourse();
        scope.requireManages(course.getOrganiserCode());
        checkSchedule(course, data, lectureId);
        int taken = lecture.getTaken();
        Map<String, Integer> currentQuotas = quotas.seatsByLecture(List.of(lectureId)).getOrDefault(lectureId, Map.of());
        if (taken > 0 && !data.getQuotas().equals(currentQuotas)) {
            throw BusinessRuleException.onField("quotas", "lecture.quotasFixed");
        }
        boolean moved = !Objects.equals(lecture.getStartsAt(), data.getStartsAt())
                || !Objects.equals(lecture.getEndsAt(), data.getEndsAt())
                || !Objects.equals(lecture.getVenue(), Texts.blankToNull(data.getVenue()))
                || !Objects.equals(lecture.getStreamUrl(), Texts.blankToNull(data.getStreamUrl()));
        applySchedule(lecture, data);
        int newCapacity = data.getCapacity();
        if (newCapacity < taken) {
            if (!moveOverflowToWaitlist) {
                throw BusinessRuleException.onField("capacity", "lecture.capacityBelowRegistrations", taken);
            }
            events.publishEvent(new LectureEvents.Overbooked(lectureId, taken - newCapacity));
        }
        lecture.setCapacity(newCapacity);
        lectures.flush();
        quotas.replace(lectureId, data.getQuotas());
        if (newCapacity > taken) {
            events.publishEvent(new LectureEvents.SeatsAdded(lectureId));
        }
        if (moved) {
            events.publishEvent(new LectureEvents.Changed(lectureId, false));
        }
    }

    public void cancelLecture(long lectureId) {
        Lecture lecture = lectures.lockById(lectureId).orElseThrow(() -> new BusinessRuleException("lecture.unknown", lectureId));
        scope.requireManages(lecture.getCourse().getOrganiserCode());
        lecture.cancel();
        events.publishEvent(new LectureEvents.Changed(lectureId, true));
    }

    public long addCategory(String nameZh, String nameEn) {
        String zh = requireName(nameZh, 40);
        String en = requireName(nameEn, 60);
        if (categories.existsByNameZh(zh)) {
            throw new BusinessRuleException("category.exists", zh);
        }
        return categories.save(new CourseCategoryEntity(zh, en, (int) categories.count() * 10 + 10)).getId();
    }

    public void renameCategory(long categoryId, String nameZh, String nameEn) {
        categories.findById(categoryId).orElseThrow(() -> new BusinessRuleException("category.unknown"))
                .rename(requireName(nameZh, 40), requireName(nameEn, 60));
    }

    private Course managedCourse(long courseId) {
        Course course = courses.findById(courseId).orElseThrow(() -> new BusinessRuleException("course.unknown", courseId));
        scope.requireManages(course.getOrganiserCode());
        return course;
    }

    private void describe(Course course, CourseData data) {
        scope.requireManages(data.getOrganiserCode());
        if (organisers().stream().noneMatch(r -> r.code().equals(data.getOrganiserCode()))) {
            throw BusinessRuleException.onField("organiserCode", "course.organiser.invalid");
        }
        CourseCategoryEntity category = categories.findById(data.getCategoryId())
                .orElseThrow(() -> BusinessRuleException.onField("categoryId", "category.unknown"));
        course.describe(data.getTitle(), data.getSummary(), category, data.getCreditHours(), data.getFormat(),
                data.getOrganiserCode(), data.getInstructors().stream().map(CourseData.InstructorData::toInstructor).toList(),
                data.getTargetLevels());
    }

    private void checkSchedule(Course course, LectureData data, long lectureId) {
        if (lectureId == 0 && !data.getStartsAt().isAfter(LocalDateTime.now(clock))) {
            throw BusinessRuleException.onField("startsAt", "lecture.startsInPast");
        }
        CourseFormat format = course.getFormat();
        boolean needsVenue = format == CourseFormat.IN_PERSON || format == CourseFormat.HYBRID;
        boolean needsStream = format == CourseFormat.LIVE_STREAM || format == CourseFormat.HYBRID;
        if (needsVenue && Texts.blankToNull(data.getVenue()) == null) {
            throw BusinessRuleException.onField("venue", "lecture.venue.required");
        }
        if (needsStream && Texts.blankToNull(data.getStreamUrl()) == null) {
            throw BusinessRuleException.onField("streamUrl", "lecture.streamUrl.required");
        }
        if (data.getRegionRestriction() != null && !data.getRegionRestriction().isBlank()
                && regions.find(data.getRegionRestriction()).isEmpty()) {
            throw BusinessRuleException.onField("regionRestriction", "region.unknown", data.getRegionRestriction());
        }
        checkQuotas(data);
        String venue = Texts.blankToNull(data.getVenue());
        if (venue != null) {
            lectures.venueClashes(venue, data.getStartsAt(), data.getEndsAt(), lectureId).stream().findFirst()
                    .ifPresent(clash -> {
                        throw BusinessRuleException.onField("venue", "lecture.venueClash", venue,
                                clash.getCourse().getTitle(), CLASH_TIME.format(clash.getStartsAt()));
                    });
        }
        List<String> names = course.instructors().stream().map(Instructor::name).toList();
        if (!names.isEmpty()) {
            lectures.instructorClashes(names, data.getStartsAt(), data.getEndsAt(), lectureId).stream().findFirst()
                    .ifPresent(clash -> {
                        String who = clash.getCourse().instructors().stream().map(Instructor::name)
                                .filter(names::contains).findFirst().orElse(names.getFirst());
                        throw BusinessRuleException.onField("startsAt", "lecture.instructorClash", who,
                                clash.getCourse().getTitle(), CLASH_TIME.format(clash.getStartsAt()));
                    });
        }
    }

    private void checkQuotas(LectureData data) {
        int total = 0;
        for (Map.Entry<String, Integer> quota : data.getQuotas().entrySet()) {
            Region county = regions.find(quota.getKey()).orElse(null);
            if (county == null || county.level() != RegionLevel.COUNTY || quota.getValue() == null || quota.getValue() < 1) {
                throw BusinessRuleException.onField("quotas", "lecture.quota.invalid", quota.getKey());
            }
            total += quota.getValue();
        }
        if (total > data.getCapacity()) {
            throw BusinessRuleException.onField("quotas", "lecture.quota.exceedsCapacity", total, data.getCapacity());
        }
    }

    private static void applySchedule(Lecture lecture, LectureData data) {
        lecture.schedule(data.getStartsAt(), data.getEndsAt(), Texts.blankToNull(data.getVenue()),
                Texts.blankToNull(data.getStreamUrl()), Texts.blankToNull(data.getVideoUrl()), data.getRegistrationOpens(),
                data.getRegistrationCloses(), data.getCancellationDeadline(), Texts.blankToNull(data.getRegionRestriction()));
    }

    private static String requireName(String name, int max) {
        if (name == null || name.isBlank() || name.strip().length() > max) {
            throw new BusinessRuleException("category.name.invalid", max);
        }
        return name.strip();
    }
}
