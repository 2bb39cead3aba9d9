package cn.tzsw.college.regions.domain;

import java.util.List;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface RegionRepository extends Repository<RegionEntity, String>, RegionBatch {

    java.util.Optional<RegionEntity> findByCode(String code);

    List<RegionEntity> findByCodeIn(List<String> codes);

    List<RegionEntity> findByParentCodeOrderByCode(String parentCode);

    long count();

    /** Range scan on the primary key: every unit whose code starts with the prefix. */
    @Query("select r.level, count(r) from RegionEntity r where r.code like concat(:prefix, '%') group by r.level")
    List<Object[]> countByLevelWithPrefix(@Param("prefix") String prefix);

    @Query("select count(r) > 0 from RegionEntity r where r.code = :code and r.code like concat(:prefix, '%')")
    boolean existsWithPrefix(@Param("code") String code, @Param("prefix") String prefix);
}
