package cn.tzsw.college.demo;

import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.Category;
import cn.tzsw.college.catalog.CourseAdminService;
import cn.tzsw.college.catalog.CourseData;
import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.LectureData;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.security.SystemTasks;
import cn.tzsw.college.shared.CertificateLevel;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalogue: the provincial lecture hall (浙江社会工作大讲堂) and a dozen courses across categories and
 * formats, dated from today so the demo never goes stale; two are full with a waitlist. Written once.
 */
@Component
@Profile("demo")
@Order(30)
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);
    private static final String COLLEGE = "331000000000";

    private final CourseAdminService courses;
    private final CatalogService catalog;
    private final RegistrationService registrations;
    private final UserDetailsService users;
    private final Clock clock;

    DemoCatalogue(CourseAdminService courses, CatalogService catalog, RegistrationService registrations,
                  UserDetailsService users, Clock clock) {
        this.courses = courses;
        this.catalog = catalog;
        this.registrations = registrations;
        this.users = users;
        this.clock = clock;
    }

    private record Seed(String title, String category, CourseFormat format, String hours, String organiser,
                        String instructor, String instructorTitle, String affiliation, int inDays, int startHour,
                        int durationHours, String venue, int capacity, int opensInDays, int fillWith) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (catalog.search(CatalogQuery.all(), PageRequest.of(0, 1)).hasContent()) {
            return;
        }
        List<Seed> seeds = List.of(
                new Seed("浙江社会工作大讲堂：中国社会发展相关政策研究", "政策法规", CourseFormat.LIVE_STREAM, "3", COLLEGE,
                        "关信平", "教授", "南开大学", 10, 14, 3, null, 500, -1, 0),
                new Seed("浙江社会工作大讲堂：机构改革背景下社会工作发展的机遇、挑战与回应", "专业理论", CourseFormat.LIVE_STREAM, "3",
                        COLLEGE, "杨发祥", "教授", "华东理工大学", 17, 14, 3, null, 500, -1, 0),
                new Seed("《社会工作者继续教育办法》与登记管理解读", "政策法规", CourseFormat.IN_PERSON, "2", COLLEGE,
                        "陈建华", "副教授", "台州学院", 6, 9, 2, "台州社会工作学院 报告厅", 5, -1, 7),
                new Seed("个案工作实务：需求评估与服务计划", "实务方法", CourseFormat.IN_PERSON, "3", "331002000000",
                        "林晓敏", "督导", "椒江区社会工作指导中心", 8, 9, 3, "椒江区社会工作指导中心 培训室", 40, -1, 3),
                new Seed("小组工作技巧工作坊", "实务方法", CourseFormat.HYBRID, "6", "331004000000",
                        "周文静", "讲师", "台州广播电视大学", 12, 9, 6, "路桥区社会工作站 多功能厅", 30, -1, 0),
                new Seed("社区治理与“五社联动”", "社区治理", CourseFormat.IN_PERSON, "3", COLLEGE,
                        "王国强", "研究员", "浙江省社会科学院", 14, 9, 3, "台州社会工作学院 201教室", 60, -1, 0),
                new Seed("社会工作督导入门", "督导与管理", CourseFormat.IN_PERSON, "4", COLLEGE,
                        "郑丽君", "高级社会工作师", "台州市社会工作协会", 9, 13, 4, "台州社会工作学院 302教室", 8, -1, 10),
                new Seed("社工自我关怀与职业耗竭预防", "心理健康", CourseFormat.RECORDED_VIDEO, "2", COLLEGE,
                        "许佳怡", "心理咨询师", "台州市心理卫生协会", 3, 0, 2, null, 1000, -1, 0),
                new Seed("老年社会工作：居家养老服务实务", "实务方法", CourseFormat.IN_PERSON, "3", "331081000000",
                        "谢海波", "督导", "温岭市颐康服务中心", 11, 9, 3, "温岭市社会工作站 培训室", 35, -1, 0),
                new Seed("儿童保护与困境儿童关爱服务", "专业理论", CourseFormat.LIVE_STREAM, "2", COLLEGE,
                        "孙美玲", "副教授", "浙江师范大学", 13, 19, 2, null, 300, -1, 0),
                new Seed("社会救助政策与“一件事”办理", "政策法规", CourseFormat.IN_PERSON, "2", "331082000000",
                        "马志强", "科长", "临海市民政局", 15, 9, 2, "临海市民政服务中心 会议室", 50, -1, 0),
                new Seed("社会组织项目管理与评估", "督导与管理", CourseFormat.HYBRID, "4", COLLEGE,
                        "胡静", "项目总监", "浙江省社会组织服务中心", 20, 9, 4, "台州社会工作学院 报告厅", 80, -1, 0),
                new Seed("危机干预与心理急救", "心理健康", CourseFormat.IN_PERSON, "3", COLLEGE,
                        "何磊", "主任医师", "台州市第二人民医院", 30, 9, 3, "台州社会工作学院 201教室", 40, 5, 0),
                new Seed("社区志愿服务组织与管理", "社区治理", CourseFormat.IN_PERSON, "2", "331003000000",
                        "罗洁", "社会工作师", "黄岩区志愿者协会", 2, 14, 2, "黄岩区社会工作站 活动室", 30, -10, 0));
        SystemTasks.runAsSystem(() -> {
            seeds.forEach(this::create);
            return null;
        });
        log.info("Demo catalogue written: {} courses", seeds.size());
    }

    private void create(Seed seed) {
        CourseData course = new CourseData();
        course.setTitle(seed.title());
        course.setSummary("本课程面向全市社会工作者，围绕“" + seed.title() + "”展开讲授与研讨，结合台州基层社会工作案例，"
                + "帮助学员更新知识、提升实务能力。完成学习可记继续教育学时。");
        course.setCategoryId(category(seed.category()));
        course.setCreditHours(new BigDecimal(seed.hours()));
        course.setFormat(seed.format());
        course.setOrganiserCode(seed.organiser());
        course.setInstructors(new ArrayList<>(List.of(new CourseData.InstructorData(seed.instructor(),
                seed.instructorTitle(), seed.affiliation()))));
        course.setTargetLevels(EnumSet.allOf(CertificateLevel.class));
        long courseId = courses.createCourse(course);
        courses.publish(courseId);

        LocalDate day = LocalDate.now(clock).plusDays(seed.inDays());
        LocalDateTime start = day.atTime(seed.format() == CourseFormat.RECORDED_VIDEO ? LocalTime.of(8, 0)
                : LocalTime.of(seed.startHour(), 0));
        LectureData lecture = new LectureData();
        lecture.setStartsAt(start);
        lecture.setEndsAt(seed.format() == CourseFormat.RECORDED_VIDEO ? start.plusDays(60)
                : start.plusHours(seed.durationHours()));
        lecture.setVenue(seed.venue());
        if (seed.format() == CourseFormat.LIVE_STREAM || seed.format() == CourseFormat.HYBRID) {
            lecture.setStreamUrl("https://live.tzsw.example.cn/stream/" + courseId + ".m3u8");
        }
        if (seed.format() == CourseFormat.RECORDED_VIDEO) {
            lecture.setVideoUrl("https://video.tzsw.example.cn/vod/" + courseId + ".mp4");
        }
        lecture.setCapacity(seed.capacity());
        LocalDateTime now = LocalDateTime.now(clock);
        lecture.setRegistrationOpens(now.plusDays(seed.opensInDays()));
        lecture.setRegistrationCloses(seed.opensInDays() < -5 ? now.minusHours(1) : start.minusHours(12));
        lecture.setCancellationDeadline(start.minusDays(1));
        if (seed.opensInDays() < -5) {
            lecture.setRegistrationOpens(now.minusDays(20));
        }
        lecture.setQuotas(new java.util.LinkedHashMap<>(Map.of()));
        long lectureId = courses.scheduleLecture(courseId, lecture);
        for (int i = 0; i < seed.fillWith(); i++) {
            // Demo trainees 10..: the first nine stay free for a newcomer to try registering.
            String phone = DemoData.demoPhone(10 + i);
            SystemTasks.runAs(users.loadUserByUsername(phone), () -> registrations.register(lectureId));
        }
    }

    private long category(String nameZh) {
        return catalog.categories().stream().filter(c -> c.nameZh().equals(nameZh)).map(Category::id).findFirst()
                .orElseThrow();
    }
}
