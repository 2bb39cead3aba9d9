package cn.tzsw.college.hours;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Hours earned outside the platform and the re-registration reminder: where evidence files go, how large they may
 * be, what a completed social-work degree counts, how far ahead the re-registration window looks, and how long
 * after a reminder the same trainee is not reminded again.
 */
@ConfigurationProperties("app.hours")
public record HoursProperties(@DefaultValue("./data/evidence") Path evidenceDir,
                              @DefaultValue("10MB") DataSize evidenceMaxSize,
                              @DefaultValue("90") java.math.BigDecimal degreeHours,
                              @DefaultValue("90") int renewalWindowDays,
                              @DefaultValue("7") int reminderIntervalDays) {
}
