package cn.tzsw.college.registration;

import cn.tzsw.college.catalog.Instructor;
import cn.tzsw.college.catalog.LectureInfo;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** An iCalendar (RFC 5545) event for a lecture, in Beijing time, for the trainee's phone calendar. */
public final class LectureCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    /** RFC 5545 wants DTSTAMP in UTC, marked with Z. */
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private LectureCalendar() {
    }

    public static byte[] ics(LectureInfo lecture, Instant stamp) {
        String place = lecture.venue() != null ? lecture.venue() : lecture.streamUrl() == null ? "" : lecture.streamUrl();
        String description = lecture.instructors().stream().map(Instructor::display).collect(Collectors.joining("、"))
                + "\n" + lecture.summary();
        String text = String.join("\r\n",
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Taizhou Social Work College//Training Platform//ZH",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "BEGIN:VTIMEZONE",
                "TZID:Asia/Shanghai",
                "BEGIN:STANDARD",
                "DTSTART:19700101T000000",
                "TZOFFSETFROM:+0800",
                "TZOFFSETTO:+0800",
                "TZNAME:CST",
                "END:STANDARD",
                "END:VTIMEZONE",
                "BEGIN:VEVENT",
                fold("UID:lecture-" + lecture.id() + "@tzsw.example.cn"),
                "DTSTAMP:" + UTC.format(stamp),
                "DTSTART;TZID=Asia/Shanghai:" + LOCAL.format(lecture.startsAt()),
                "DTEND;TZID=Asia/Shanghai:" + LOCAL.format(lecture.endsAt()),
                fold("SUMMARY:" + escape(lecture.courseTitle())),
                fold("LOCATION:" + escape(place)),
                fold("DESCRIPTION:" + escape(description)),
                "END:VEVENT",
                "END:VCALENDAR", "");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r", "").replace("\n", "\\n");
    }

    /** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                folded.append("\r\n ");
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}
