package cn.tzsw.college.registration.domain;

import cn.tzsw.college.registration.RegistrationStatus;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The registration table's one repository: reads through JPA, writes through {@link RegistrationRows}. */
public interface RegistrationRepository extends JpaRepository<Registration, Long>, RegistrationRows {

    Optional<Registration> findByLectureIdAndTraineeId(long lectureId, long traineeId);

    /*
     * Seat decisions read registrations with locking reads: under REPEATABLE READ a plain read may show the
     * snapshot taken before the lecture lock was granted, e.g. a waiter another transaction already promoted.
     */

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Registration r where r.id = :id")
    Optional<Registration> lockById(@Param("id") long id);

    /** The trainee's registration, locked (read before anything else loads it in the transaction). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<Registration> findLockedByLectureIdAndTraineeId(long lectureId, long traineeId);

    /** The line, first come first served. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Registration> findByLectureIdAndStatusOrderByQueuedAtAscIdAsc(long lectureId, RegistrationStatus status,
                                                                        Limit limit);

    /** The latest seat holders, who go back to the waitlist first when capacity drops. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<Registration> findByLectureIdAndStatusOrderByQueuedAtDescIdDesc(long lectureId, RegistrationStatus status,
                                                                          Limit limit);

    /**
     * One page of a lecture's registrations in these statuses (names of {@link RegistrationStatus}) whose trainee's
     * name contains {@code nameLike} or whose mobile or ID number ends as {@code tailLike} (LIKE patterns; "%" for
     * everyone), seat holders and the line in their order. The people come from trainees' read model.
     */
    @Query(nativeQuery = true, value = """
            SELECT r.* FROM registration r JOIN trainee_standing_v t ON t.id = r.trainee_id
            WHERE r.lecture_id = :lectureId AND r.status IN (:statuses)
              AND (t.name LIKE :nameLike OR t.phone LIKE :tailLike OR t.id_number LIKE :tailLike)
            ORDER BY r.status, r.queued_at, r.id""",
            countQuery = """
            SELECT COUNT(*) FROM registration r JOIN trainee_standing_v t ON t.id = r.trainee_id
            WHERE r.lecture_id = :lectureId AND r.status IN (:statuses)
              AND (t.name LIKE :nameLike OR t.phone LIKE :tailLike OR t.id_number LIKE :tailLike)""")
    Page<Registration> findOnRoster(@Param("lectureId") long lectureId, @Param("statuses") Collection<String> statuses,
                                    @Param("nameLike") String nameLike, @Param("tailLike") String tailLike,
                                    Pageable pageable);

    /** The trainees of a lecture's registrations in these statuses, in line order. */
    @Query("select r.traineeId from Registration r where r.lectureId = :lectureId and r.status in :statuses"
            + " order by r.queuedAt, r.id")
    List<Long> traineeIds(@Param("lectureId") long lectureId,
                          @Param("statuses") Collection<RegistrationStatus> statuses);

    List<Registration> findByLectureIdAndStatusInOrderByQueuedAtAscIdAsc(long lectureId,
                                                                         Collection<RegistrationStatus> statuses);

    List<Registration> findByTraineeIdInAndLectureIdIn(Collection<Long> traineeIds, Collection<Long> lectureIds);

    List<Registration> findByTraineeIdAndStatusIn(long traineeId, Collection<RegistrationStatus> statuses);

    @Query("""
            select count(r) from Registration r
            where r.lectureId = :lectureId and r.status = cn.tzsw.college.registration.RegistrationStatus.WAITLISTED
              and (r.queuedAt < :queuedAt or (r.queuedAt = :queuedAt and r.id < :id))
            """)
    long countAhead(@Param("lectureId") long lectureId, @Param("queuedAt") LocalDateTime queuedAt, @Param("id") long id);
}
