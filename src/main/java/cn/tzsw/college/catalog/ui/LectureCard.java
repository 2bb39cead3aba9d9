package cn.tzsw.college.catalog.ui;

import cn.tzsw.college.catalog.Availability;
import cn.tzsw.college.catalog.Instructor;
import cn.tzsw.college.catalog.LectureInfo;
import cn.tzsw.college.shared.ChineseDates;
import cn.tzsw.college.shared.HoursText;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.util.stream.Collectors;

/** One lecture in the catalogue: readable on a phone, title first, the badge says whether one can still register. */
class LectureCard extends Div {

    LectureCard(LectureInfo lecture, LocalDateTime now) {
        addClassName("lecture-card");
        Anchor title = new Anchor("lectures/" + lecture.id(), lecture.courseTitle());
        title.addClassName("lecture-card-title");
        Availability availability = lecture.availability(now);
        Span badge = new Span(getTranslation(availability.messageKey()));
        badge.getElement().getThemeList().add("badge pill " + switch (availability) {
            case OPEN -> "success";
            case FULL_WAITLIST -> "contrast";
            case CANCELLED -> "error";
            default -> "";
        });
        badge.addClassName("lecture-badge");
        Div head = new Div(title, badge);
        head.addClassName("lecture-card-head");

        String when = ChineseDates.format(lecture.startsAt(), getLocale()) + " – " + (lecture.endsAt().toLocalDate()
                .equals(lecture.startsAt().toLocalDate()) ? lecture.endsAt().toLocalTime()
                : ChineseDates.format(lecture.endsAt(), getLocale()));
        String where = lecture.venue() != null ? lecture.venue() : getTranslation("catalog.online");
        Div meta = new Div(new Span(when), new Span(where),
                new Span(getTranslation(lecture.format().messageKey())),
                new Span(getTranslation("catalog.creditHours", HoursText.plain(lecture.creditHours()))),
                new Span(lecture.category().name(getLocale())));
        meta.addClassName("lecture-card-meta");
        Div people = new Div(new Span(lecture.instructors().stream().map(Instructor::display)
                .collect(Collectors.joining("、"))));
        people.addClassName("lecture-card-people");
        Span seats = new Span(getTranslation("catalog.seatsLeft", lecture.seatsLeft(), lecture.capacity()));
        seats.addClassName("lecture-card-seats");
        add(head, meta, people, seats);
    }
}
