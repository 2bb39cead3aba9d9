package cn.tzsw.college.catalog;

import cn.tzsw.college.shared.CertificateLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What an administrator enters for a course. */
public class CourseData {

    @NotBlank
    @Size(max = 120)
    private String title = "";

    @NotBlank
    @Size(max = 2000)
    private String summary = "";

    @NotNull
    private Long categoryId;

    @NotNull
    @DecimalMin("0.5")
    @DecimalMax("99.5")
    private BigDecimal creditHours = new BigDecimal("2.0");

    @NotNull
    private CourseFormat format = CourseFormat.IN_PERSON;

    @NotBlank
    private String organiserCode;

    @NotEmpty(message = "{course.instructors.required}")
    private List<@Valid InstructorData> instructors = new ArrayList<>();

    @NotEmpty(message = "{course.targetLevels.required}")
    private Set<CertificateLevel> targetLevels = EnumSet.allOf(CertificateLevel.class);

    /** 学时 come in steps of half an hour. */
    @AssertTrue(message = "{course.creditHours.halfSteps}")
    public boolean isCreditHoursInHalfSteps() {
        return creditHours == null || creditHours.multiply(BigDecimal.TWO).stripTrailingZeros().scale() <= 0;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public BigDecimal getCreditHours() {
        return creditHours;
    }

    public void setCreditHours(BigDecimal creditHours) {
        this.creditHours = creditHours;
    }

    public CourseFormat getFormat() {
        return format;
    }

    public void setFormat(CourseFormat format) {
        this.format = format;
    }

    public String getOrganiserCode() {
        return organiserCode;
    }

    public void setOrganiserCode(String organiserCode) {
        this.organiserCode = organiserCode;
    }

    public List<InstructorData> getInstructors() {
        return instructors;
    }

    public void setInstructors(List<InstructorData> instructors) {
        this.instructors = instructors;
    }

    public Set<CertificateLevel> getTargetLevels() {
        return targetLevels;
    }

    public void setTargetLevels(Set<CertificateLevel> targetLevels) {
        this.targetLevels = targetLevels;
    }

    /** One lecturer as entered. */
    public record InstructorData(@NotBlank @Size(max = 30) String name, @Size(max = 40) String title,
                                 @Size(max = 80) String affiliation) {

        public Instructor toInstructor() {
            return new Instructor(name, title, affiliation);
        }

        public static InstructorData of(Instructor instructor) {
            return new InstructorData(instructor.name(), instructor.title(), instructor.affiliation());
        }
    }
}
