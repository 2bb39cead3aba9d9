package cn.tzsw.college.security.domain;

import cn.tzsw.college.security.Role;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("""
            select a from UserAccount a
            where (:role is null or a.role = :role)
              and (:text = '' or a.username like concat('%', :text, '%') or a.displayName like concat('%', :text, '%'))
            """)
    Page<UserAccount> search(@Param("text") String text, @Param("role") Role role, Pageable pageable);
}
