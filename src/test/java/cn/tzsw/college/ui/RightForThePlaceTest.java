package cn.tzsw.college.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.tzsw.college.Fixtures;
import cn.tzsw.college.IntegrationTest;
import cn.tzsw.college.QrScans;
import cn.tzsw.college.WebClient;
import cn.tzsw.college.attendance.LecturesUnderway;
import cn.tzsw.college.catalog.CatalogQuery;
import cn.tzsw.college.catalog.CatalogService;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.hours.HoursLedger;
import cn.tzsw.college.hours.HoursSource;
import cn.tzsw.college.registration.RegistrationService;
import cn.tzsw.college.reporting.ProgressReportExport;
import cn.tzsw.college.reporting.ReportPeriod;
import cn.tzsw.college.security.SystemTasks;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 16, "right for the place it is used" and the smaller things, over real HTTP without a browser: what the
 * server sends for a page (Vaadin's JSON of the view) and the files it serves.
 */
class RightForThePlaceTest extends IntegrationTest {

    private static final String PASSWORD = "Trainee@2026";
    private static final Pattern SVG_QR = Pattern.compile("data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)");
    private static final Pattern SVG_MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");
    /** A link to a file the server makes when it is followed (Vaadin's download handlers). */
    private static final Pattern DOWNLOAD = Pattern.compile("\"uri\":\"(VAADIN/dynamic/resource/[^\"]+)\"");
    private static final Pattern VIEW_BOX = Pattern.compile("viewBox='0 0 (\\d+) (\\d+)'");

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LecturesUnderway lectures;
    @Autowired
    RegistrationService registrations;
    @Autowired
    HoursLedger hoursLedger;
    @Autowired
    CatalogService catalog;
    @Autowired
    ProgressReportExport export;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    private WebClient from127() throws Exception {
        return new WebClient(port, InetAddress.getByName("127.0.0.1"));
    }

    @Test
    void the_room_displays_qr_code_opens_the_address_the_display_was_opened_at() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        for (WebClient projector : List.of(from127(), new WebClient(port))) {
            projector.signIn("admin", "Demo@2026");
            String scanned = decodeSvgQr(projector.view("admin/lectures/" + lecture + "/display", ""));
            assertThat(scanned).startsWith(projector.base() + "/checkin?code=L" + lecture + ".");
        }
    }

    @Test
    void a_certificates_qr_code_opens_the_address_it_was_downloaded_from() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        lectures.givePassword(List.of(phone), PASSWORD);
        long trainee = jdbc.queryForObject("SELECT id FROM trainee WHERE phone = ?", Long.class, phone);
        long lecture = fixtures.openLecture(20, Map.of());
        SystemTasks.runAsSystem(() -> hoursLedger.bookLecture(trainee, lecture, HoursSource.IN_PERSON,
                LocalDate.now(clock)));
        String serial = await("a certificate issued").atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForList(
                "SELECT serial FROM certificate WHERE trainee_id = ? AND lecture_id = ?", String.class, trainee, lecture)
                .stream().findFirst(), Optional::isPresent).orElseThrow();

        WebClient phoneBrowser = from127();
        phoneBrowser.signIn(phone, PASSWORD);
        String page = phoneBrowser.view("my/certificates", "");
        Matcher link = DOWNLOAD.matcher(page);
        assertThat(link.find()).as("the certificate's download link in %s", page).isTrue();
        HttpResponse<byte[]> pdf = phoneBrowser.getBytes("/" + link.group(1));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(QrScans.readPdf(pdf.body(), 0)).startsWith(phoneBrowser.base() + "/verify/");
    }

    @Test
    void the_calendar_files_stamp_is_utc_marked_with_z() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        lectures.givePassword(List.of(phone), PASSWORD);
        long lecture = fixtures.openLecture(20, Map.of());
        fixtures.as(phone, () -> registrations.register(lecture));

        WebClient web = new WebClient(port);
        web.signIn(phone, PASSWORD);
        // The calendar file is the page's only download.
        Matcher link = DOWNLOAD.matcher(web.view("lectures/" + lecture, ""));
        assertThat(link.find()).isTrue();
        String ics = new String(web.getBytes("/" + link.group(1)).body(), StandardCharsets.UTF_8);
        Matcher stamp = Pattern.compile("DTSTAMP:(\\d{8}T\\d{6})(Z?)\\r\\n").matcher(ics);
        assertThat(stamp.find()).as(ics).isTrue();
        assertThat(stamp.group(2)).isEqualTo("Z");
        Instant stamped = LocalDateTime.parse(stamp.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .toInstant(java.time.ZoneOffset.UTC);
        // the application's clock: other tests move it forward
        assertThat(Duration.between(stamped, clock.instant()).abs()).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void the_connection_messages_and_the_upload_widget_speak_chinese() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        // A new UI's settings (the connection messages among them) come with its first answer.
        String init = web.get("/?v-r=init&location=" + java.net.URLEncoder.encode("admin/lectures/" + lecture
                + "/attendance", StandardCharsets.UTF_8) + "&query=").body();
        assertThat(init).contains("与服务器的连接已断开，正在重新连接");
        assertThat(web.view("admin/lectures/" + lecture + "/attendance", ""))
                .contains("选择文件…", "或将文件拖到这里", "正在处理文件…").doesNotContain("Upload File");
    }

    @Test
    void a_twelve_second_video_is_twelve_seconds_long_not_zero_minutes() throws Exception {
        long lecture = fixtures.openLecture(20, Map.of());
        jdbc.update("INSERT INTO attendance_lecture (lecture_id, walk_ins_allowed, video_url, video_seconds, updated_at)"
                + " VALUES (?, FALSE, 'https://video.example.cn/clip.mp4', 12, NOW())"
                + " ON DUPLICATE KEY UPDATE video_url = VALUES(video_url), video_seconds = 12", lecture);
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        assertThat(web.view("admin/lectures/" + lecture + "/attendance", ""))
                .contains("https://video.example.cn/clip.mp4（12 秒）").doesNotContain("0 分钟");
    }

    @Test
    void the_verification_page_follows_the_language_chosen_in_the_app() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/verify")).header("Cookie", "lang=en")
                .header("Accept-Language", "zh-CN,zh;q=0.9").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html lang=\"en\"");
    }

    @Test
    void an_unknown_page_is_not_found_inside_the_app_frame_and_a_malformed_lecture_address_too() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        HttpResponse<String> unknown = web.get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(web.view("no/such/page", "")).contains("error-title", "main-menu", "current-user");

        HttpResponse<String> anonymous = new WebClient(port).get("/lectures/abc");
        assertThat(anonymous.statusCode()).isEqualTo(404);
    }

    @Test
    void sign_in_to_register_is_offered_only_while_registration_is_open() throws Exception {
        long open = fixtures.openLecture(20, Map.of());
        long closed = fixtures.openLecture(20, Map.of());
        jdbc.update("UPDATE lecture SET registration_closes = ? WHERE id = ?",
                LocalDateTime.now(clock).minusHours(1), closed);
        WebClient visitor = new WebClient(port);
        assertThat(visitor.view("lectures/" + open, "")).contains("登录后报名");
        assertThat(visitor.view("lectures/" + closed, "")).contains("报名已截止").doesNotContain("登录后报名");
    }

    @Test
    void free_seats_only_leaves_out_closed_lectures_and_closed_lectures_come_after_open_ones() {
        LocalDateTime now = LocalDateTime.now(clock);
        long closed = fixtures.openLecture(20, Map.of(), now.plusDays(2));
        long open = fixtures.openLecture(20, Map.of(), now.plusDays(3));
        jdbc.update("UPDATE lecture SET registration_closes = ? WHERE id = ?", now.minusHours(1), closed);

        List<Long> free = catalog.search(new CatalogQuery("", null, null, null, null, true), PageRequest.of(0, 1000))
                .map(LectureInfo::id).getContent();
        assertThat(free).contains(open).doesNotContain(closed);
        List<Long> all = catalog.search(CatalogQuery.all(), PageRequest.of(0, 1000)).map(LectureInfo::id).getContent();
        assertThat(all.indexOf(closed)).isGreaterThan(all.indexOf(open));
    }

    @Test
    void a_trainee_without_a_certificate_level_is_offered_calendar_years_only() throws Exception {
        String phone = fixtures.trainees(1, LecturesUnderway.JIAOJIANG_VILLAGE, false).getFirst();
        lectures.givePassword(List.of(phone), PASSWORD);
        WebClient web = new WebClient(port);
        web.signIn(phone, PASSWORD);
        String page = web.view("my/certificates", "");
        assertThat(page).contains(String.valueOf(LocalDate.now(clock).getYear())).doesNotContain("本注册有效期");
    }

    @Test
    void a_village_reports_total_row_sits_under_the_trainee_columns() {
        ReportPeriod year = new ReportPeriod(LocalDate.now(clock).withDayOfYear(1), LocalDate.now(clock));
        ProgressReportExport.Sheet sheet = fixtures.as("admin",
                () -> export.sheet(LecturesUnderway.JIAOJIANG_VILLAGE, year, key -> key));
        assertThat(sheet.headers()).first().isEqualTo("report.trainee.name");
        assertThat(sheet.footer()).hasSameSizeAs(sheet.headers());
        assertThat(sheet.footer().getFirst()).isEqualTo("report.total");
    }

    @Test
    void the_header_names_the_administrators_role_once_and_an_empty_outbox_says_so() throws Exception {
        WebClient web = new WebClient(port);
        web.signIn("admin", "Demo@2026");
        String page = web.view("admin/mails", "");
        assertThat(page).contains("学院管理员").doesNotContain("学院管理员 · 学院管理员");
        assertThat(page).contains("发件箱中没有邮件。");
    }

    @Test
    void an_address_of_this_machine_counts_as_no_public_address() {
        assertThat(PublicAddressCheck.unset("")).isTrue();
        assertThat(PublicAddressCheck.unset("http://localhost:8080")).isTrue();
        assertThat(PublicAddressCheck.unset("http://127.0.0.1:8080/")).isTrue();
        assertThat(PublicAddressCheck.unset("https://college.example.cn")).isFalse();
    }

    /** The room display draws its code as an SVG of one-module squares: paint them, then read them as a camera would. */
    private static String decodeSvgQr(String view) throws Exception {
        Matcher data = SVG_QR.matcher(view);
        assertThat(data.find()).as("a QR code in %s", view).isTrue();
        String svg = new String(Base64.getDecoder().decode(data.group(1)), StandardCharsets.UTF_8);
        Matcher box = VIEW_BOX.matcher(svg);
        assertThat(box.find()).isTrue();
        int scale = 8;
        int width = Integer.parseInt(box.group(1)) * scale;
        int height = Integer.parseInt(box.group(2)) * scale;
        int[] pixels = new int[width * height];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher module = SVG_MODULE.matcher(svg);
        while (module.find()) {
            int x0 = Integer.parseInt(module.group(1)) * scale;
            int y0 = Integer.parseInt(module.group(2)) * scale;
            for (int y = y0; y < y0 + scale; y++) {
                java.util.Arrays.fill(pixels, y * width + x0, y * width + x0 + scale, 0xFF000000);
            }
        }
        return QrScans.readPainted(width, height, pixels);
    }
}
