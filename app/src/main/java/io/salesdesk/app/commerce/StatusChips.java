package io.salesdesk.app.commerce;

import javafx.scene.control.Label;

import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.contract.ContractStatus;

/** Coloured status chips, so a list reads at a glance. */
final class StatusChips {

    private StatusChips() {
    }

    static Label contract(ContractStatus status) {
        Label chip = new Label(I18n.label("contractStatus", status));
        chip.getStyleClass().addAll("lead-chip", "contract-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return chip;
    }
}
