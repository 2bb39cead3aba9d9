package cn.tzsw.college.ui;

import com.vaadin.flow.component.Component;

/** Lengths of videos for people: whole minutes, and seconds below a minute (a 12-second clip is not "0 minutes"). */
public final class Durations {

    private Durations() {
    }

    public static String format(Component where, Integer seconds) {
        if (seconds == null) {
            return "";
        }
        if (seconds < 60) {
            return where.getTranslation("duration.seconds", seconds);
        }
        int minutes = Math.round(seconds / 60f);
        return where.getTranslation("duration.minutes", minutes);
    }
}
