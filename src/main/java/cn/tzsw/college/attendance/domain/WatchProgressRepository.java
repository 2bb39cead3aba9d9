package cn.tzsw.college.attendance.domain;

import cn.tzsw.college.shared.TraineeLecture;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of watching: {@code playback} (one row per started player) and {@code watch_progress} (one row per
 * trainee and lecture, rewritten by every acknowledged heartbeat). Plain JDBC: the heartbeat path writes many
 * rows per statement (see the heartbeat package), which JPA cannot.
 */
@Repository
public class WatchProgressRepository {

    private static final String UPSERT_WATCHES = "INSERT INTO watch_progress (trainee_id, lecture_id, intervals,"
            + " credited_seconds, last_position, current_token, beat_seq, beat_at, presence_due_at, updated_at, version)"
            + " VALUES ";
    /** The stored row is the one this write was made from: its generation is one below the written one's. */
    private static final String FROM_STORED = "version >> 32 = (VALUES(version) >> 32) - 1";
    private static final String ON_DUPLICATE_WATCH = " ON DUPLICATE KEY UPDATE "
            + String.join(", ", Stream.of("intervals", "credited_seconds", "last_position",
                    "current_token", "beat_seq", "beat_at", "presence_due_at", "updated_at", "version")
                    .map(column -> column + " = IF(" + FROM_STORED + ", VALUES(" + column + "), " + column + ")")
                    .toList())
            + " RETURNING version";
    private static final int WATCH_COLUMNS = 11;
    private static final int PLAYBACK_COLUMNS = 5;

    /** A player's token, written once when the player starts. */
    public record PlaybackRow(String token, long accountId, long traineeId, long lectureId, Instant startedAt) {
    }

    /**
     * A watch's state after a heartbeat (or start, or presence answer) of its current player, and the version it
     * is written as (see {@link #nextVersion}; zero until the writer assigns it).
     */
    public record WatchRow(long traineeId, long lectureId, String intervals, double creditedSeconds,
                           double lastPosition, String currentToken, long beatSeq, Instant beatAt,
                           Instant presenceDueAt, long version) {

        public WatchRow withVersion(long newVersion) {
            return new WatchRow(traineeId, lectureId, intervals, creditedSeconds, lastPosition, currentToken, beatSeq,
                    beatAt, presenceDueAt, newVersion);
        }
    }

    /** A stored player with what its last heartbeat left on its watch (null while it is not the current player). */
    public record StoredPlayback(long accountId, long traineeId, long lectureId, LocalDateTime startedAt,
                                 long beatSeq, LocalDateTime beatAt, LocalDateTime presenceDueAt) {
    }

    /** A stored watch. */
    public record StoredWatch(String intervals, double lastPosition, String currentToken, boolean completed,
                              long version) {
    }

    /**
     * The version a write made from the stored {@code version} carries: the next generation (high 32 bits) and
     * the writer's random stamp (low 32 bits). Two nodes writing from the same stored row give the same generation
     * but (almost surely) different stamps, so each can tell from the version it reads back whether its write is
     * the one stored. A row not stored yet has version 0.
     */
    public static long nextVersion(long version, int stamp) {
        return ((version >>> 32) + 1) << 32 | (stamp & 0xFFFF_FFFFL);
    }

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    WatchProgressRepository(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = JdbcClient.create(jdbcTemplate);
    }

    /** Writes started players; a row written before (a batch retried row by row) is left as it is. */
    public void insertPlaybacks(List<PlaybackRow> rows, ZoneId zone) {
        jdbcTemplate.update("INSERT INTO playback (token, account_id, trainee_id, lecture_id, started_at) VALUES "
                + placeholders(rows.size(), PLAYBACK_COLUMNS) + " ON DUPLICATE KEY UPDATE token = token", statement -> {
                    int i = 1;
                    for (PlaybackRow row : rows) {
                        statement.setString(i++, row.token());
                        statement.setLong(i++, row.accountId());
                        statement.setLong(i++, row.traineeId());
                        statement.setLong(i++, row.lectureId());
                        statement.setObject(i++, LocalDateTime.ofInstant(row.startedAt(), zone));
                    }
                });
    }

    /**
     * Writes the watches' states in one statement, in the given order, each only over the stored row it was made
     * from (its version's generation is the stored one's plus one; a new row is always written). Returns, in the
     * same order, whether each row was written. A row not written lost to a write from another node (another
     * player took over, or the same player's heartbeats went to another node); its writer must read the stored
     * row again. The check rides in the upsert, whose RETURNING clause reads back each row's version.
     * Typed setters: Spring's type detection for plain arguments took a third of the writer's time.
     */
    public boolean[] upsertWatches(List<WatchRow> rows, ZoneId zone, LocalDateTime now) {
        String sql = UPSERT_WATCHES + placeholders(rows.size(), WATCH_COLUMNS) + ON_DUPLICATE_WATCH;
        return jdbcTemplate.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            int i = 1;
            for (WatchRow row : rows) {
                statement.setLong(i++, row.traineeId());
                statement.setLong(i++, row.lectureId());
                statement.setString(i++, row.intervals());
                statement.setDouble(i++, row.creditedSeconds());
                statement.setDouble(i++, row.lastPosition());
                statement.setString(i++, row.currentToken());
                statement.setLong(i++, row.beatSeq());
                statement.setObject(i++, LocalDateTime.ofInstant(row.beatAt(), zone));
                statement.setObject(i++, row.presenceDueAt() == null ? null
                        : LocalDateTime.ofInstant(row.presenceDueAt(), zone));
                statement.setObject(i++, now);
                statement.setLong(i++, row.version());
            }
            return statement;
        }, rs -> {
            boolean[] written = new boolean[rows.size()];
            for (int row = 0; row < written.length && rs.next(); row++) {
                written[row] = rs.getLong(1) == rows.get(row).version();
            }
            return written;
        });
    }

    public Optional<StoredPlayback> findPlayback(String token) {
        return jdbc.sql("""
                        SELECT p.account_id, p.trainee_id, p.lecture_id, p.started_at, w.beat_seq, w.beat_at,
                               w.presence_due_at
                        FROM playback p LEFT JOIN watch_progress w ON w.trainee_id = p.trainee_id
                          AND w.lecture_id = p.lecture_id AND w.current_token = p.token
                        WHERE p.token = ?""").param(token)
                .query((rs, n) -> new StoredPlayback(rs.getLong("account_id"), rs.getLong("trainee_id"),
                        rs.getLong("lecture_id"), rs.getObject("started_at", LocalDateTime.class),
                        rs.getLong("beat_seq"), rs.getObject("beat_at", LocalDateTime.class),
                        rs.getObject("presence_due_at", LocalDateTime.class)))
                .optional();
    }

    public Optional<StoredWatch> findWatch(long traineeId, long lectureId) {
        return jdbc.sql("""
                        SELECT intervals, last_position, current_token, completed_at, version FROM watch_progress
                        WHERE trainee_id = ? AND lecture_id = ?""")
                .params(traineeId, lectureId)
                .query((rs, n) -> new StoredWatch(rs.getString("intervals"), rs.getDouble("last_position"),
                        rs.getString("current_token"), rs.getObject("completed_at") != null, rs.getLong("version")))
                .optional();
    }

    /**
     * Marks the watch complete if its stored credit reaches {@code requiredSeconds} and it is not complete yet;
     * returns whether this call marked it (a conditional update decides, whatever runs at the same time).
     */
    public boolean markCompleted(long traineeId, long lectureId, double requiredSeconds, LocalDateTime now) {
        return jdbc.sql("""
                        UPDATE watch_progress SET completed_at = ?
                        WHERE trainee_id = ? AND lecture_id = ? AND completed_at IS NULL AND credited_seconds >= ?""")
                .params(now, traineeId, lectureId, requiredSeconds).update() == 1;
    }

    public boolean completed(long traineeId, long lectureId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM watch_progress
                        WHERE trainee_id = ? AND lecture_id = ? AND completed_at IS NOT NULL""")
                .params(traineeId, lectureId).query(Integer.class).single() == 1;
    }

    /** How far a trainee watched: credited seconds and completion, of the lectures they have a watch of. */
    public record Watched(double creditedSeconds, boolean completed) {
    }

    public Map<TraineeLecture, Watched> watched(Collection<Long> traineeIds, Collection<Long> lectureIds) {
        Map<TraineeLecture, Watched> watched = new HashMap<>();
        jdbc.sql("SELECT trainee_id, lecture_id, credited_seconds, completed_at FROM watch_progress"
                        + " WHERE trainee_id IN (:trainees) AND lecture_id IN (:ids)")
                .param("trainees", traineeIds).param("ids", lectureIds)
                .query(rs -> {
                    watched.put(new TraineeLecture(rs.getLong("trainee_id"), rs.getLong("lecture_id")),
                            new Watched(rs.getDouble("credited_seconds"), rs.getObject("completed_at") != null));
                });
        return watched;
    }

    private static String placeholders(int rows, int columns) {
        String row = "(" + "?,".repeat(columns - 1) + "?)";
        StringBuilder sql = new StringBuilder(rows * (row.length() + 1));
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ",").append(row);
        }
        return sql.toString();
    }
}
