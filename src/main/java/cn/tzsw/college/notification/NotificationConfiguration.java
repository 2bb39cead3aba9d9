package cn.tzsw.college.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class NotificationConfiguration {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 finds its StreamProvider through a ServiceLoader (a scan of the jars) for every header
        // it encodes and every part it writes (jakartaee/mail-api#861): a third of the dispatcher's time in the
        // registration burst's profile. Naming the implementation turns that into a class lookup.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
