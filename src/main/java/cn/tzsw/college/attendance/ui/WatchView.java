package cn.tzsw.college.attendance.ui;

import cn.tzsw.college.attendance.heartbeat.PlaybackStart;
import cn.tzsw.college.attendance.heartbeat.WatchService;
import cn.tzsw.college.security.Role;
import cn.tzsw.college.shared.BusinessRuleException;
import cn.tzsw.college.shared.ChineseDates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lecture player: a plain HTML5 video whose script (/scripts/player.js) reports heartbeats; live streams
 * in HLS get hls.js from its WebJar where the browser cannot play HLS itself. The page shows the credit so far
 * and, when the server asks, the presence prompt.
 */
@Route("watch")
@RolesAllowed(Role.Names.TRAINEE)
class WatchView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final String HLS_LIBRARY = "webjars/hls.js/1.4.12/dist/hls.min.js";

    private final WatchService watching;
    private final ProgressBar progress = new ProgressBar(0, 1);
    private final Span credited = new Span();
    private final Div notices = new Div();
    private PlaybackStart playback;
    private String title = "";

    WatchView(WatchService watching) {
        this.watching = watching;
        addClassName("narrow-page");
    }

    @Override
    public void setParameter(BeforeEvent event, Long lectureId) {
        removeAll();
        try {
            playback = watching.start(lectureId == null ? -1 : lectureId);
        } catch (BusinessRuleException e) {
            add(new H2(getTranslation("watch.title")), new Paragraph(refusal(e)),
                    new Anchor("lectures/" + lectureId, getTranslation("watch.backToLecture")));
            return;
        }
        title = playback.title();
        Element video = new Element("video");
        video.setAttribute("controls", true);
        video.setAttribute("playsinline", true);
        video.setAttribute("preload", "metadata");
        video.setAttribute("id", "lecture-video");
        video.getStyle().set("width", "100%").set("max-height", "70vh").set("background", "#000");
        video.addEventListener("college-progress", e -> showProgress(e.getEventData()))
                .addEventData("event.detail.creditedSeconds").addEventData("event.detail.completed")
                .addEventData("event.detail.presenceDue");
        video.addEventListener("college-elsewhere", e -> showElsewhere());
        Div player = new Div();
        player.getElement().appendChild(video);
        player.setWidthFull();
        credited.setId("watch-credited");
        notices.setId("watch-notices");
        progress.setId("watch-progress");
        add(new H2(playback.title()), player, progress, credited, notices, new Paragraph(getTranslation(
                playback.live() ? "watch.liveRules" : "watch.rules", percent(playback.threshold()))));
        showCredit(playback.creditedSeconds(), playback.completed());
        video.executeJs("""
                const video = this, cfg = JSON.parse($0);
                const go = () => window.collegePlayer.start(video, cfg);
                if (window.collegePlayer) { go(); return; }
                const script = document.createElement('script');
                script.src = 'scripts/player.js';
                script.onload = go;
                document.head.appendChild(script);""", config().toString());
    }

    /** The refusal in the reader's words; a date (e.g. when a recording opens) as the reader writes dates. */
    private String refusal(BusinessRuleException e) {
        Object[] arguments = Arrays.stream(e.arguments())
                .map(argument -> argument instanceof LocalDate date ? ChineseDates.format(date, getLocale()) : argument)
                .toArray();
        return getTranslation(e.messageKey(), arguments);
    }

    private ObjectNode config() {
        ObjectNode cfg = JsonMapper.shared().createObjectNode();
        cfg.put("token", playback.token());
        cfg.put("source", playback.source());
        cfg.put("live", playback.live());
        cfg.put("hls", playback.hls());
        cfg.put("hlsLibrary", HLS_LIBRARY);
        cfg.put("resumeAt", playback.resumeAt());
        cfg.put("intervalSeconds", playback.heartbeatSeconds());
        cfg.put("heartbeatUrl", "api/attendance/heartbeat");
        return cfg;
    }

    private void showProgress(JsonNode data) {
        showCredit(data.get("event.detail.creditedSeconds").asDouble(), data.get("event.detail.completed").asBoolean());
        if (data.get("event.detail.presenceDue").asBoolean() && notices.getChildren().findAny().isEmpty()) {
            Button present = new Button(getTranslation("watch.present"), e -> {
                try {
                    watching.confirmPresence(playback.token());
                    notices.removeAll();
                } catch (WatchService.SupersededException elsewhere) {
                    showElsewhere();
                }
            });
            present.setId("watch-present");
            present.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
            notices.add(new Paragraph(getTranslation("watch.presencePrompt")), present);
        }
    }

    private void showCredit(double seconds, boolean completed) {
        double length = Math.max(1, playback.lengthSeconds());
        progress.setValue(Math.min(1, seconds / length));
        credited.setText(completed ? getTranslation("watch.completed", minutes(seconds))
                : getTranslation("watch.credited", minutes(seconds), minutes(length), percent(playback.threshold())));
    }

    private void showElsewhere() {
        notices.removeAll();
        Paragraph elsewhere = new Paragraph(getTranslation("watch.elsewhere"));
        elsewhere.addClassName("notice-warning");
        notices.add(elsewhere);
    }

    private static String minutes(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds / 60);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("watch.title") + (title.isEmpty() ? "" : " · " + title);
    }
}
