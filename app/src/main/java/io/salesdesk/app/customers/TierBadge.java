package io.salesdesk.app.customers;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;

import io.salesdesk.app.common.I18n;
import io.salesdesk.crm.Tier;

/** A small coloured badge for a customer tier: A stands out, D fades. */
public final class TierBadge {

    private TierBadge() {
    }

    public static Label of(Tier tier) {
        Label badge = new Label(tier.name());
        badge.getStyleClass().addAll("tier-badge", "tier-" + tier.name().toLowerCase(java.util.Locale.ROOT));
        badge.setTooltip(new javafx.scene.control.Tooltip(I18n.get("tier.long." + tier.name())));
        badge.getStyleClass().add(Styles.TEXT_SMALL);
        return badge;
    }
}
