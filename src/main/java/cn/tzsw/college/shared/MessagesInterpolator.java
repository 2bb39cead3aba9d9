package cn.tzsw.college.shared;

import java.util.ResourceBundle;
import org.hibernate.validator.messageinterpolation.ResourceBundleMessageInterpolator;

/**
 * Resolves Bean Validation messages from the application's own messages bundle (the same files behind the
 * Spring MessageSource), so every text of the product lives in one place. Registered in
 * META-INF/validation.xml, which both Spring's validator and Vaadin's BeanValidationBinder read.
 */
public class MessagesInterpolator extends ResourceBundleMessageInterpolator {

    public MessagesInterpolator() {
        // No fallback to the JVM's default locale: English must not turn Chinese on a Chinese machine.
        super(locale -> ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }
}
