package cn.tzsw.college.portal.ui;

import cn.tzsw.college.security.Role;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * The portal's 「登录后报名」: a trainee-only address, so that a visitor signs in first (the sign-in remembers where
 * they were going) and then lands on the lecture's page with its register button.
 */
@Route("register-for")
@RolesAllowed(Role.Names.TRAINEE)
class RegisterForView extends Div implements HasUrlParameter<Long> {

    @Override
    public void setParameter(BeforeEvent event, Long lectureId) {
        event.forwardTo("lectures/" + lectureId);
    }
}
