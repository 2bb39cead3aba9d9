package cn.tzsw.college.ui;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

/** Vaadin's getTranslation() reads the one Spring MessageSource (messages*.properties). */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            return messages.getMessage(key, params, Languages.normalise(locale));
        } catch (NoSuchMessageException e) {
            return "!" + key;
        }
    }
}
