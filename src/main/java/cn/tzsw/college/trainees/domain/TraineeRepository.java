package cn.tzsw.college.trainees.domain;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface TraineeRepository extends JpaRepository<Trainee, Long>, TraineeBatch {

    Optional<Trainee> findByIdNumber(String idNumber);

    boolean existsByPhone(String phone);

    Optional<Trainee> findByAccountId(long accountId);

    /**
     * Trainees in a region subtree (prefix '' = all), matching a name, phone or ID number fragment, except the
     * excluded ones.
     */
    @Query("""
            select t from Trainee t
            where t.regionCode like concat(:prefix, '%')
              and (:text = '' or t.name like concat('%', :text, '%') or t.phone = :text or t.idNumber = :text)
              and t.id not in :excluded
            """)
    Page<Trainee> search(@Param("prefix") String prefix, @Param("text") String text,
                         @Param("excluded") Collection<Long> excluded, Pageable pageable);
}
