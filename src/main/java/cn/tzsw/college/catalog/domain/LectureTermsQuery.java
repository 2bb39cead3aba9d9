package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.LectureTerms;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads {@link LectureTerms} with one plain SQL query (lecture, its course's state, the quota counties). */
@Repository
public class LectureTermsQuery {

    private final JdbcClient jdbc;

    LectureTermsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LectureTerms> find(long lectureId) {
        return jdbc.sql("SELECT " + LectureTerms.COLUMNS
                        + " FROM lecture l JOIN course c ON c.id = l.course_id WHERE l.id = ?")
                .param(lectureId).query((rs, row) -> LectureTerms.read(rs)).optional();
    }
}
