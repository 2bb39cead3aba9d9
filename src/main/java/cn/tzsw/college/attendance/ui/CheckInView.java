package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.CheckInResult;
import cn.tzsw.college.attendance.CheckIns;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.ui.UserMessages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Check-in on the trainee's phone: the room's QR opens this page with its code (?code=…), or the trainee types
 * the six digits shown beside the QR (?lecture=42).
 */
@Route("checkin")
@RolesAllowed(Role.Names.TRAINEE)
class CheckInView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CheckIns checkIns;

    CheckInView(CheckIns checkIns) {
        this.checkIns = checkIns;
        addClassName("narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H2(getTranslation("checkin.title")));
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<String> code = query.getSingleParameter("code");
        if (code.isPresent()) {
            attempt(() -> checkIns.checkIn(code.get()));
            return;
        }
        Optional<Long> lecture = query.getSingleParameter("lecture").filter(v -> v.matches("\\d{1,18}"))
                .map(Long::valueOf);
        if (lecture.isEmpty()) {
            add(new Paragraph(getTranslation("checkin.scanPrompt")));
            return;
        }
        TextField digits = new TextField(getTranslation("checkin.shortCode"));
        digits.setId("checkin-code");
        digits.setMaxLength(6);
        digits.setAllowedCharPattern("\\d");
        digits.setValueChangeMode(ValueChangeMode.EAGER);
        digits.addThemeVariants(TextFieldVariant.LUMO_ALIGN_CENTER);
        digits.getElement().setAttribute("inputmode", "numeric");
        digits.getElement().setAttribute("autocomplete", "one-time-code");
        Button submit = new Button(getTranslation("checkin.submit"), e -> attempt(
                () -> checkIns.checkInWithCode(lecture.get(), digits.getValue())));
        submit.setId("checkin-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        add(new Paragraph(getTranslation("checkin.typePrompt")), digits, submit);
    }

    private void attempt(Supplier<CheckInResult> checkIn) {
        getChildren().filter(c -> "checkin-result".equals(c.getId().orElse(null))).toList().forEach(this::remove);
        Div result = new Div();
        result.setId("checkin-result");
        try {
            CheckInResult done = checkIn.get();
            result.addClassName("checkin-ok");
            result.add(VaadinIcon.CHECK_CIRCLE.create(), new Paragraph(getTranslation(done.newlyRecorded()
                    ? "checkin.done" : "checkin.already", done.courseTitle(),
                    getTranslation(done.status().messageKey()))));
        } catch (BusinessRuleException e) {
            result.addClassName("checkin-refused");
            result.add(VaadinIcon.WARNING.create(), new Paragraph(UserMessages.describe(this, e)));
        }
        add(result, new Anchor("my/lectures", getTranslation("checkin.myLectures")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkin.title");
    }
}
