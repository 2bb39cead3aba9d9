package cn.tzsw.college.catalog.domain;

import cn.tzsw.college.catalog.Instructor;
import cn.tzsw.college.shared.Texts;
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
        this.title = Texts.blankToNull(instructor.title());
        this.affiliation = Texts.blankToNull(instructor.affiliation());
    }

    Instructor toInstructor() {
        return new Instructor(name, title, affiliation);
    }
}
