package cn.tzsw.college.catalog.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CourseCategoryRepository extends JpaRepository<CourseCategoryEntity, Long> {

    /** The admin-editable list is a handful of rows, read whole for pickers. */
    List<CourseCategoryEntity> findAllByOrderBySortOrderAscIdAsc();

    boolean existsByNameZh(String nameZh);
}
