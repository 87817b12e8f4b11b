package io.salesdesk.app.commerce;

import javafx.scene.control.Label;

import io.salesdesk.app.common.I18n;
import io.salesdesk.commerce.contract.ContractStatus;
import io.salesdesk.commerce.quote.QuoteStatus;

/** Coloured status chips, so a list reads at a glance. */
final class StatusChips {

    private StatusChips() {
    }

    static Label contract(ContractStatus status) {
        Label chip = new Label(I18n.label("contractStatus", status));
        chip.getStyleClass().addAll("lead-chip", "contract-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return chip;
    }

    static Label quote(QuoteStatus status) {
        Label chip = new Label(I18n.label("quoteStatus", status));
        chip.getStyleClass().addAll("lead-chip", "quote-" + status.name().toLowerCase(java.util.Locale.ROOT));
        return chip;
    }
}
