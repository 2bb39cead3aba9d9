package cn.tzsw.college.benchmark;

import cn.tzsw.college.reporting.StandingRollup;
import cn.tzsw.college.shared.IdNumber;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scale data set of issue 5: all of Zhejiang's units (already loaded by the application from
 * regions-zhejiang.csv: 11 cities, 90 counties, 1,387 townships, 25,547 villages) and, on top, 200,000 trainees
 * and 2,000,000 hours-ledger entries: trainees at random villages (one in twenty at a township itself), 0 to 20
 * entries each (10 on average; one in seven outside training, the rest lectures) on random days from 2023-01-01 to
 * today; certificate levels and registration-period starts (2017 to mid-2026) at random. Written with multi-row
 * INSERTs of 1,000 rows, the report triggers paused for the loading session and the report rollups rebuilt in one
 * pass at the end ({@code StandingRollup.rebuild}). Trainees' user names and phones start with 190; their accounts
 * have an unusable password.
 *
 * <p>Deterministic (fixed seed) so that runs compare. A finished set is marked by the table
 * {@code bench_scale_data}; a half-written one (an interrupted run) is refused: delete the database folder.
 */
final class ScaleData {

    static final int TRAINEES = 200_000;
    static final int ENTRIES = 2_000_000;
    static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final int BATCH = 1_000;
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭";
    private static final String GIVEN = "晓燕建国丽华志强秀英海波佳怡文杰雨婷国平美玲子豪静伟芳敏磊洁涛琳";
    private static final String[] HOURS = {"1.0", "1.5", "2.0", "2.0", "2.5", "3.0", "3.0", "4.0"};
    private static final String[] SOURCES = {"IN_PERSON", "VIDEO", "LIVE_STREAM", "GROUP_SITE"};

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ScaleData(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    boolean present() {
        Integer marker = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = 'bench_scale_data'", Integer.class);
        if (marker != null && marker > 0) {
            return true;
        }
        Integer started = jdbc.queryForObject("SELECT COUNT(*) FROM trainee WHERE phone LIKE '190%'", Integer.class);
        if (started != null && started > 0) {
            throw new IllegalStateException("half-written scale data: delete the benchmark's database folder");
        }
        return false;
    }

    /** Writes the data set; returns the seconds it took. */
    double generate(LocalDate today, StandingRollup rollups) throws SQLException {
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(20261129);
        List<String> villages = jdbc.queryForList("SELECT code FROM region WHERE level = 'VILLAGE' ORDER BY code", String.class);
        List<String> townships = jdbc.queryForList("SELECT code FROM region WHERE level = 'TOWNSHIP' ORDER BY code", String.class);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // Bulk load: the report triggers are paused for this session and the rollups rebuilt once at the end.
            statement.execute("SET @report_rollups_paused = 1");
            connection.setAutoCommit(false);
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < TRAINEES; i++) {
                if (sql.isEmpty()) {
                    sql.append("INSERT INTO user_account (username, password_hash, display_name, role, locale, enabled, created_at) VALUES ");
                } else {
                    sql.append(',');
                }
                sql.append("('").append(phone(i)).append("','{bcrypt}unusable','学员','TRAINEE','zh-CN',TRUE,NOW())");
                if ((i + 1) % BATCH == 0 || i == TRAINEES - 1) {
                    statement.execute(sql.toString());
                    sql.setLength(0);
                }
            }
            connection.commit();
            Map<String, Long> accounts = new HashMap<>();
            jdbc.query("SELECT id, username FROM user_account WHERE username LIKE '190%'",
                    rs -> {
                        accounts.put(rs.getString(2), rs.getLong(1));
                    });

            String[] levels = {"NONE", "ASSISTANT", "ASSISTANT", "ASSISTANT", "INTERMEDIATE", "INTERMEDIATE", "SENIOR", "NONE"};
            long periodDays = ChronoUnit.DAYS.between(LocalDate.of(2017, 1, 1), LocalDate.of(2026, 6, 30));
            for (int i = 0; i < TRAINEES; i++) {
                String region = random.nextInt(20) == 0 ? townships.get(random.nextInt(townships.size()))
                        : villages.get(random.nextInt(villages.size()));
                LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(i / 1000);
                String first17 = region.substring(0, 6) + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                        + "%03d".formatted(i % 1000);
                String level = levels[random.nextInt(levels.length)];
                String periodStart = level.equals("NONE") ? "NULL"
                        : "'" + LocalDate.of(2017, 1, 1).plusDays(random.nextLong(periodDays)) + "'";
                String name = "" + SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                        + GIVEN.charAt(random.nextInt(GIVEN.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()));
                if (sql.isEmpty()) {
                    sql.append("INSERT INTO trainee (account_id, name, id_number, phone, gender, birth_date, work_unit,"
                            + " region_code, certificate_level, period_start, created_at) VALUES ");
                } else {
                    sql.append(',');
                }
                sql.append('(').append(accounts.get(phone(i))).append(",'").append(name).append("','")
                        .append(first17).append(IdNumber.checkCharacter(first17)).append("','").append(phone(i))
                        .append("','").append(i % 2 == 0 ? "MALE" : "FEMALE").append("','").append(birth)
                        .append("','社工站','").append(region).append("','").append(level).append("',")
                        .append(periodStart).append(",NOW())");
                if ((i + 1) % BATCH == 0 || i == TRAINEES - 1) {
                    statement.execute(sql.toString());
                    sql.setLength(0);
                }
            }
            connection.commit();
            long[] traineeIds = jdbc.queryForList("SELECT id FROM trainee WHERE phone LIKE '190%' ORDER BY id", Long.class)
                    .stream().mapToLong(Long::longValue).toArray();

            // Entries trainee by trainee (0 to 20 each, 10 on average, 2,000,000 in all), on random days: the ledger's
            // indexes and the rollup rows then fill in order, which keeps the generation fast on a small buffer pool.
            int[] counts = new int[traineeIds.length];
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = random.nextInt(21);
                total += counts[i];
            }
            while (total != ENTRIES) {
                int i = random.nextInt(counts.length);
                if (total < ENTRIES && counts[i] < 20) {
                    counts[i]++;
                    total++;
                } else if (total > ENTRIES && counts[i] > 0) {
                    counts[i]--;
                    total--;
                }
            }
            int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, today) + 1;
            long lectureIds = 1_000_000_000L;
            int written = 0;
            for (int t = 0; t < traineeIds.length; t++) {
                for (int k = 0; k < counts[t]; k++) {
                    boolean external = random.nextInt(7) == 0;
                    LocalDate earned = FIRST_DAY.plusDays(random.nextInt(days));
                    long lecture = lectureIds + written;
                    if (sql.isEmpty()) {
                        sql.append("INSERT INTO hours_entry (trainee_id, lecture_id, course_id, title, source, hours,"
                                + " earned_on, recorded_at, recorded_by) VALUES ");
                    } else {
                        sql.append(',');
                    }
                    sql.append('(').append(traineeIds[t]).append(',').append(external ? "NULL" : String.valueOf(lecture))
                            .append(',').append(external ? "NULL" : String.valueOf(lecture % 5000)).append(",'")
                            .append(external ? "外部培训" : "课程 " + lecture % 5000).append("','")
                            .append(external ? "EXTERNAL_TRAINING" : SOURCES[random.nextInt(SOURCES.length)]).append("',")
                            .append(HOURS[random.nextInt(HOURS.length)]).append(",'").append(earned).append("','")
                            .append(earned).append(" 18:00:00','system')");
                    written++;
                    if (written % BATCH == 0 || written == ENTRIES) {
                        statement.execute(sql.toString());
                        sql.setLength(0);
                        if (written % 100_000 == 0) {
                            connection.commit();
                        }
                    }
                }
            }
            connection.commit();
            statement.execute("SET @report_rollups_paused = NULL");
            connection.setAutoCommit(true);
        }
        rollups.rebuild();
        jdbc.execute("CREATE TABLE bench_scale_data (done DATETIME NOT NULL)");
        jdbc.execute("INSERT INTO bench_scale_data VALUES (NOW())");
        return (System.nanoTime() - start) / 1e9;
    }

    private static String phone(int index) {
        return "190%08d".formatted(index);
    }

    static List<String> describe(JdbcTemplate jdbc) {
        List<String> lines = new ArrayList<>();
        lines.add("regions: " + jdbc.queryForList("SELECT CONCAT(level, ' ', COUNT(*)) FROM region GROUP BY level ORDER BY MIN(LENGTH(TRIM(TRAILING '0' FROM code)))", String.class));
        lines.add("trainees: " + jdbc.queryForObject("SELECT COUNT(*) FROM trainee", Long.class)
                + ", ledger entries: " + jdbc.queryForObject("SELECT COUNT(*) FROM hours_entry", Long.class));
        return lines;
    }
}
