package cn.tzsw.college.catalog.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Seat quotas per county (lecture_quota). Plain SQL only, no entity: {@code taken} moves with every registration
 * through conditional UPDATEs, which an ORM collection would overwrite (a seat is taken by the function claim_seat,
 * see {@link LectureSeatCounter#claim}).
 */
@Repository
public class LectureQuotaRepository {

    private final NamedParameterJdbcTemplate jdbc;

    LectureQuotaRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, Map<String, Integer>> seatsByLecture(Collection<Long> lectureIds) {
        Map<Long, Map<String, Integer>> result = new HashMap<>();
        if (lectureIds.isEmpty()) {
            return result;
        }
        jdbc.query("SELECT lecture_id, county_code, seats FROM lecture_quota WHERE lecture_id IN (:ids) ORDER BY county_code",
                Map.of("ids", lectureIds), rs -> {
                    result.computeIfAbsent(rs.getLong(1), id -> new LinkedHashMap<>()).put(rs.getString(2), rs.getInt(3));
                });
        return result;
    }

    /** Replaces the quotas; counties that keep a quota keep their count of taken seats. */
    public void replace(long lectureId, Map<String, Integer> seats) {
        jdbc.update("DELETE FROM lecture_quota WHERE lecture_id = :id AND county_code NOT IN (:keep)",
                Map.of("id", lectureId, "keep", seats.isEmpty() ? List.of("-") : seats.keySet()));
        seats.forEach((county, count) -> jdbc.update("""
                INSERT INTO lecture_quota (lecture_id, county_code, seats, taken) VALUES (:id, :county, :seats, 0)
                ON DUPLICATE KEY UPDATE seats = :seats
                """, Map.of("id", lectureId, "county", county, "seats", count)));
    }

    /** One seat fewer of the county's quota (never below zero). */
    public void returnSeat(long lectureId, String countyCode) {
        jdbc.update("UPDATE lecture_quota SET taken = taken - 1 WHERE lecture_id = :id AND county_code = :county"
                + " AND taken > 0", Map.of("id", lectureId, "county", countyCode));
    }
}
