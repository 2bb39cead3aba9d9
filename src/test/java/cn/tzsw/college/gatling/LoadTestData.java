package cn.tzsw.college.gatling;

import cn.tzsw.college.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The capacity run's people and lectures (profile {@code loadtest}, test classpath only): trainees who can sign in
 * with the demo trainees' password, and lectures open for registration that never overlap (a trainee may attend
 * them all). The journeys file lists one (trainee, lecture) pair per line, lecture by lecture, so that concurrent
 * users compete for the same seats, as for a popular lecture, and each pair is used once.
 */
@Component
@Profile("loadtest")
@Order(60) // after all the demo data: the demo catalogue is written only into an empty one
class LoadTestData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LoadTestData.class);
    private static final String VILLAGE = "331002001003";
    static final String PASSWORD = "Trainee@2026";

    private final Fixtures fixtures;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final int trainees;
    private final int lectures;
    private final int capacity;
    private final Path journeys;

    LoadTestData(Fixtures fixtures, JdbcTemplate jdbc, PasswordEncoder passwords,
                 @Value("${loadtest.trainees}") int trainees, @Value("${loadtest.lectures}") int lectures,
                 @Value("${loadtest.capacity}") int capacity, @Value("${loadtest.journeys-file}") Path journeys) {
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.trainees = trainees;
        this.lectures = lectures;
        this.capacity = capacity;
        this.journeys = journeys;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (Files.exists(journeys)) {
            log.info("Load-test data present: {}", journeys);
            return;
        }
        long start = System.nanoTime();
        List<String> phones = fixtures.trainees(trainees, VILLAGE, true);
        // One hash for all: hashing each password would take minutes, and sign-in checks the hash all the same.
        String hash = passwords.encode(PASSWORD);
        jdbc.batchUpdate("UPDATE user_account SET password_hash = ? WHERE username = ?",
                phones.stream().map(phone -> new Object[] {hash, phone}).toList());
        LocalDateTime first = LocalDate.now().plusDays(30).atTime(8, 0);
        List<Long> lectureIds = new ArrayList<>();
        for (int i = 0; i < lectures; i++) {
            lectureIds.add(fixtures.openLecture(capacity, Map.of(), first.plusHours(3L * i)));
        }
        List<String> lines = new ArrayList<>(List.of("username,lecture"));
        for (long lecture : lectureIds) {
            phones.forEach(phone -> lines.add(phone + "," + lecture));
        }
        try {
            Files.createDirectories(journeys.toAbsolutePath().getParent());
            Files.write(journeys, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info("Load-test data: {} trainees, {} lectures of {} seats, {} journeys in {} ({} ms)", trainees, lectures,
                capacity, lines.size() - 1, journeys, (System.nanoTime() - start) / 1_000_000);
    }
}
