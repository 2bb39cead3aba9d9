package cn.tzsw.college.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Lecture times are local times of the college (Beijing time), whatever zone the server runs in. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${app.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
