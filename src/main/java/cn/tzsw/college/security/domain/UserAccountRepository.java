package cn.tzsw.college.security.domain;

import cn.tzsw.college.security.Role;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long>, UserAccountBatch {

    Optional<UserAccount> findByUsername(String username);

    /** Replaces the password hash only if it is still {@code current}; returns the rows changed (0 or 1). */
    @Modifying
    @Query("update UserAccount a set a.passwordHash = :hash, a.locale = :locale where a.id = :id and a.passwordHash = :current")
    int replacePasswordHash(@Param("id") long id, @Param("current") String current, @Param("hash") String hash,
                            @Param("locale") String locale);

    boolean existsByUsername(String username);

    @Query("""
            select a from UserAccount a
            where (:role is null or a.role = :role)
              and (:text = '' or a.username like concat('%', :text, '%') or a.displayName like concat('%', :text, '%'))
            """)
    Page<UserAccount> search(@Param("text") String text, @Param("role") Role role, Pageable pageable);
}
