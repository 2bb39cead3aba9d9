package cn.tzsw.college.catalog.domain;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CourseRepository extends JpaRepository<Course, Long> {

    /** Courses of one organiser (or all when organiser is null), matching a title fragment. */
    @Query("""
            select c from Course c
            where (:organiser is null or c.organiserCode = :organiser)
              and (:text = '' or c.title like concat('%', :text, '%'))
            """)
    Page<Course> search(@Param("organiser") String organiser, @Param("text") String text, Pageable pageable);
}
