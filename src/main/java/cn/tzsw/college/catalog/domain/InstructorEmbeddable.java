package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.Instructor;
import jakarta.persistence.Embeddable;

@Embeddable
public class InstructorEmbeddable {

    private String name;
    private String title;
    private String affiliation;

    protected InstructorEmbeddable() {
    }

    InstructorEmbeddable(Instructor instructor) {
        this.name = instructor.name().strip();
        this.title = blankToNull(instructor.title());
        this.affiliation = blankToNull(instructor.affiliation());
    }

    Instructor toInstructor() {
        return new Instructor(name, title, affiliation);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
