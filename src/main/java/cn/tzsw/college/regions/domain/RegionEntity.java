package cn.tzsw.college.regions.domain;

import cn.tzsw.college.regions.Region;
import cn.tzsw.college.regions.RegionLevel;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Reference data, written only by the loader. */
@Entity
@Immutable
@Table(name = "region")
public class RegionEntity {

    @Id
    private String code;

    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private RegionLevel level;

    @Column(name = "parent_code")
    private String parentCode;

    protected RegionEntity() {
    }

    public Region toRegion() {
        return new Region(code, name, level, parentCode);
    }
}
