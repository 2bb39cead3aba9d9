package cn.tzsw.college.trainees;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits of a roster import: files above the size are refused before they are read. */
@ConfigurationProperties("app.trainees.import")
public record RosterImportProperties(@DefaultValue("20MB") DataSize maxFileSize,
                                     @DefaultValue("20000") int maxRows) {
}
