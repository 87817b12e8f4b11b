package io.salesdesk.app.leads;

import java.util.Locale;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import io.salesdesk.crm.lead.Lead;
import io.salesdesk.crm.lead.LeadStatus;

/** Small coloured labels: a lead's status, and the dispatch flag a manager should look at. */
final class LeadChips {

    private LeadChips() {
    }

    static Label status(LeadStatus status) {
        Label chip = new Label(LeadTexts.status(status));
        chip.getStyleClass().addAll("lead-chip", "lead-status-" + status.name().toLowerCase(Locale.ROOT),
                Styles.TEXT_SMALL);
        return chip;
    }

    /** 兜底分配, 区域外, 无人可接 in the warning colour (主管改派 calmer), with what it means as a tooltip. */
    static Label flag(Lead.AssignmentFlag flag) {
        // A manager's own choice is information, not a warning.
        boolean override = flag == Lead.AssignmentFlag.OVERRIDE;
        Label chip = new Label(LeadTexts.flag(flag), new FontIcon(override ? Feather.USER_CHECK : Feather.ALERT_TRIANGLE));
        chip.getStyleClass().addAll("lead-chip", override ? "lead-flag-override" : "lead-flag", Styles.TEXT_SMALL);
        chip.setTooltip(new Tooltip(LeadTexts.flagHint(flag)));
        return chip;
    }
}
