package cn.tzsw.college;

import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseData;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.IdNumber;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Builds test and benchmark data fast (plain SQL for people, the real services for the catalogue). */
@Component
public class Fixtures {

    /** Matches no password: these accounts act only through {@link #as}. */
    private static final String PASSWORD_HASH = "{bcrypt}unusable";
    /** Keeps numbers apart between runs against the same external database. */
    private static final int RUN = (int) (ProcessHandle.current().pid() % 100);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final AtomicInteger PLACE = new AtomicInteger();

    private final JdbcTemplate jdbc;
    /** Looked up when used: a module test's context (regions alone, say) has no catalogue and no sign-in. */
    private final ObjectProvider<CourseAdminService> courses;
    private final ObjectProvider<UserDetailsService> users;

    Fixtures(JdbcTemplate jdbc, ObjectProvider<CourseAdminService> courses, ObjectProvider<UserDetailsService> users) {
        this.jdbc = jdbc;
        this.courses = courses;
        this.users = users;
    }

    /** Creates trainees living in the village, each with an account named by a fresh phone number. */
    public List<String> trainees(int count, String villageCode, boolean withEmail) {
        List<String> phones = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = SEQUENCE.incrementAndGet();
            String phone = "177%08d".formatted(RUN * 1_000_000 + n);
            phones.add(phone);
            accounts.add(new Object[] {phone, PASSWORD_HASH, "学员" + n});
        }
        jdbc.batchUpdate("INSERT INTO user_account (username, password_hash, display_name, role, locale, enabled, created_at)"
                + " VALUES (?, ?, ?, 'TRAINEE', 'zh-CN', TRUE, NOW())", accounts);
        List<Object[]> rows = new ArrayList<>();
        for (String phone : phones) {
            long accountId = jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, phone);
            int n = Integer.parseInt(phone.substring(5));
            LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(RUN * 40L + n / 1000);
            String first17 = villageCode.substring(0, 6) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + "%03d".formatted(n % 1000);
            rows.add(new Object[] {accountId, "学员" + phone.substring(7), first17 + IdNumber.checkCharacter(first17),
                    phone, withEmail ? phone + "@example.cn" : null, villageCode});
        }
        jdbc.batchUpdate("INSERT INTO trainee (account_id, name, id_number, phone, email, gender, birth_date, work_unit,"
                + " region_code, certificate_level, created_at) VALUES (?, ?, ?, ?, ?, 'MALE', '1990-01-01', '社工站', ?,"
                + " 'NONE', NOW())", rows);
        return phones;
    }

    /** A published course with one lecture whose registration is open now; a fresh venue and lecturer each time. */
    public long openLecture(int capacity, Map<String, Integer> quotas) {
        return openLecture(capacity, quotas, LocalDateTime.now().plusDays(30 + PLACE.get() % 300));
    }

    public long openLecture(int capacity, Map<String, Integer> quotas, LocalDateTime startsAt) {
        int place = PLACE.incrementAndGet();
        return SystemTasks.runAsSystem(() -> {
            CourseData course = new CourseData();
            course.setTitle("测试课程 " + place);
            course.setSummary("用于测试的课程");
            course.setCategoryId(1L);
            course.setCreditHours(new BigDecimal("2.0"));
            course.setFormat(CourseFormat.IN_PERSON);
            course.setOrganiserCode("331000000000");
            course.setInstructors(new ArrayList<>(List.of(new CourseData.InstructorData("讲师" + place, "教授", "测试大学"))));
            long courseId = courses.getObject().createCourse(course);
            courses.getObject().publish(courseId);
            LectureData lecture = new LectureData();
            lecture.setStartsAt(startsAt);
            lecture.setEndsAt(startsAt.plusHours(2));
            lecture.setVenue("测试教室 " + place);
            lecture.setCapacity(capacity);
            lecture.setRegistrationOpens(LocalDateTime.now().minusDays(1));
            lecture.setRegistrationCloses(startsAt.minusHours(1));
            lecture.setCancellationDeadline(startsAt.minusHours(2));
            lecture.setQuotas(new java.util.LinkedHashMap<>(quotas));
            return courses.getObject().scheduleLecture(courseId, lecture);
        });
    }

    /** Runs the task signed in as the user, on the current thread. */
    public <T> T as(String username, Supplier<T> task) {
        return as(signedIn(username), task);
    }

    /** The user's sign-in, loaded once (benchmarks keep it out of the measured path, as a session would). */
    public Authentication signedIn(String username) {
        UserDetails user = users.getObject().loadUserByUsername(username);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    public <T> T as(Authentication authentication, Supplier<T> task) {
        return SystemTasks.runAs((UserDetails) authentication.getPrincipal(), task);
    }

    public int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }
}
