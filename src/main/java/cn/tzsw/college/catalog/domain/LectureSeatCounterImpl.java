package cn.tzsw.college.catalog.domain;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Plain statements: an entity read and written back would overwrite a concurrent claim. Also a bean of its own,
 * which {@code LectureSeats} calls directly: through {@link LectureRepository} every claim passed the repository's
 * proxy chain (exception translation, which {@link JdbcClient} already does, a transaction interceptor that only
 * joins the caller's, the repository invocation metrics).
 */
public class LectureSeatCounterImpl implements LectureSeatCounter {

    private final JdbcClient jdbc;

    LectureSeatCounterImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String claim(long lectureId, String countyCode, boolean countyHasQuota) {
        return jdbc.sql("SELECT " + CLAIM).params(lectureId, countyCode, countyHasQuota)
                .query(String.class).single();
    }

    @Override
    public void returnSeat(long lectureId) {
        jdbc.sql("UPDATE lecture SET taken = taken - 1 WHERE id = ? AND taken > 0").param(lectureId).update();
    }

    @Override
    public void lockRow(long lectureId) {
        jdbc.sql("SELECT id FROM lecture WHERE id = ? FOR UPDATE").param(lectureId).query(Long.class).single();
    }
}
