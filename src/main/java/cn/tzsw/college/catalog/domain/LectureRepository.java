package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.CourseFormat;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import jakarta.persistence.LockModeType;

/** The lecture table's one repository: the entity through JPA, the seat counter through {@link LectureSeatCounter}. */
public interface LectureRepository extends JpaRepository<Lecture, Long>, LectureSeatCounter {

    /*
     * A fetch join rather than an entity graph: Hibernate caches the SQL of a query without a graph, while a graph
     * makes it translate the query again on every call (and Spring Data throws and catches an exception looking
     * for a named graph first). This lookup runs for every mail notice and lecture page.
     */
    @Query("select l from Lecture l join fetch l.course c join fetch c.category where l.id = :id")
    Optional<Lecture> findWithCourseById(@Param("id") long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from Lecture l where l.id = :id")
    Optional<Lecture> lockById(@Param("id") long id);

    /**
     * The public catalogue: lectures of published courses, filtered; those one can still register for first, soonest
     * first, then the closed and cancelled ones. "Free seats" means a seat one can still take: registration not closed.
     */
    @EntityGraph(attributePaths = {"course", "course.category"})
    @Query("""
            select l from Lecture l join l.course c
            where c.status = cn.tzsw.college.catalog.CourseStatus.PUBLISHED
              and l.endsAt >= :from and l.startsAt < :to
              and (:text = '' or c.title like concat('%', :text, '%') or c.summary like concat('%', :text, '%')
                   or exists (select 1 from c.instructors i where i.name like concat('%', :text, '%')))
              and (:categoryId is null or c.category.id = :categoryId)
              and (:format is null or c.format = :format)
              and (:organiser is null or c.organiserCode = :organiser)
              and (:freeSeatsOnly = false or (l.taken < l.capacity and l.registrationCloses > :now
                   and l.status = cn.tzsw.college.catalog.LectureStatus.SCHEDULED))
            order by case when l.status = cn.tzsw.college.catalog.LectureStatus.CANCELLED
                               or l.registrationCloses <= :now then 1 else 0 end, l.startsAt, l.id
            """)
    Page<Lecture> catalogue(@Param("text") String text, @Param("categoryId") Long categoryId,
                            @Param("format") CourseFormat format, @Param("organiser") String organiser,
                            @Param("from") LocalDateTime from, @Param("to") LocalDateTime to,
                            @Param("freeSeatsOnly") boolean freeSeatsOnly, @Param("now") LocalDateTime now,
                            Pageable pageable);

    @EntityGraph(attributePaths = {"course", "course.category"})
    List<Lecture> findByCourseIdOrderByStartsAt(long courseId);

    @EntityGraph(attributePaths = {"course", "course.category"})
    List<Lecture> findByIdIn(Collection<Long> ids);

    /** Scheduled lectures in the same venue overlapping [start, end). */
    @EntityGraph(attributePaths = {"course"})
    @Query("""
            select l from Lecture l
            where l.venue = :venue and l.status = cn.tzsw.college.catalog.LectureStatus.SCHEDULED
              and l.startsAt < :end and l.endsAt > :start and l.id <> :excluded
            """)
    List<Lecture> venueClashes(@Param("venue") String venue, @Param("start") LocalDateTime start,
                               @Param("end") LocalDateTime end, @Param("excluded") long excluded);

    /** Scheduled lectures given by one of the named instructors overlapping [start, end). */
    @EntityGraph(attributePaths = {"course"})
    @Query("""
            select distinct l from Lecture l join l.course c join c.instructors i
            where i.name in :names and l.status = cn.tzsw.college.catalog.LectureStatus.SCHEDULED
              and l.startsAt < :end and l.endsAt > :start and l.id <> :excluded
            """)
    List<Lecture> instructorClashes(@Param("names") Collection<String> names, @Param("start") LocalDateTime start,
                                    @Param("end") LocalDateTime end, @Param("excluded") long excluded);
}
