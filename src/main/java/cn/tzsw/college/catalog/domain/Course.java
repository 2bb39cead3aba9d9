package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.CourseFormat;
import cn.tzsw.college.catalog.CourseStatus;
import cn.tzsw.college.catalog.Instructor;
import cn.tzsw.college.shared.CertificateLevel;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "course")
public class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;

    private String summary;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    private CourseCategoryEntity category;

    @Column(name = "credit_hours")
    private BigDecimal creditHours;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CourseFormat format;

    @Column(name = "organiser_code")
    private String organiserCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "course_instructor", joinColumns = @JoinColumn(name = "course_id"))
    @OrderColumn(name = "position")
    private List<InstructorEmbeddable> instructors = new ArrayList<>();

    /** Comma-separated CertificateLevel names: a handful of values, always read with the course. */
    @Column(name = "target_levels")
    private String targetLevels;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    private CourseStatus status;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Course() {
    }

    public Course(String organiserCode) {
        this.organiserCode = organiserCode;
        this.status = CourseStatus.DRAFT;
        this.createdAt = LocalDateTime.now();
    }

    public void describe(String title, String summary, CourseCategoryEntity category, BigDecimal creditHours,
                         CourseFormat format, String organiserCode, List<Instructor> instructors,
                         Set<CertificateLevel> targetLevels) {
        this.title = title.strip();
        this.summary = summary.strip();
        this.category = category;
        this.creditHours = creditHours;
        this.format = format;
        this.organiserCode = organiserCode;
        this.instructors.clear();
        instructors.stream().map(InstructorEmbeddable::new).forEach(this.instructors::add);
        this.targetLevels = targetLevels.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public void changeStatus(CourseStatus status) {
        this.status = status;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public CourseCategoryEntity getCategory() {
        return category;
    }

    public BigDecimal getCreditHours() {
        return creditHours;
    }

    public CourseFormat getFormat() {
        return format;
    }

    public String getOrganiserCode() {
        return organiserCode;
    }

    public CourseStatus getStatus() {
        return status;
    }

    public List<Instructor> instructors() {
        return instructors.stream().map(InstructorEmbeddable::toInstructor).toList();
    }

    public Set<CertificateLevel> targetLevels() {
        Set<CertificateLevel> levels = EnumSet.noneOf(CertificateLevel.class);
        if (targetLevels != null && !targetLevels.isBlank()) {
            Arrays.stream(targetLevels.split(",")).map(CertificateLevel::valueOf).forEach(levels::add);
        }
        return levels;
    }
}
