package cn.tzsw.college.ui;

import cn.tzsw.college.shared.LectureState;
import com.vaadin.flow.component.html.Span;

/** A lecture's state for a trainee, with the same words and colour on every page that shows it. */
public class LectureStateBadge extends Span {

    public LectureStateBadge(LectureState state) {
        setText(getTranslation(state.messageKey()));
        getElement().getThemeList().add("badge pill " + state.badgeTheme());
        addClassName("lecture-state");
        getElement().setAttribute("data-state", state.name());
    }
}
