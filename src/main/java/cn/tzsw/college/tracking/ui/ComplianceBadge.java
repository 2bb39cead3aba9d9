package cn.tzsw.college.tracking.ui;

import cn.tzsw.college.hours.ComplianceStatus;
import com.vaadin.flow.component.html.Span;

/** The compliance status as a coloured badge: green met, blue on track, red behind, grey not required. */
final class ComplianceBadge extends Span {

    ComplianceBadge(ComplianceStatus status) {
        setText(getTranslation(status.messageKey()));
        getElement().getThemeList().add("badge pill " + switch (status) {
            case MET -> "success";
            case ON_TRACK -> "";
            case BEHIND -> "error";
            case NOT_REQUIRED -> "contrast";
        });
        addClassName("compliance-badge");
    }
}
