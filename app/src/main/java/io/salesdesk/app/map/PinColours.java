package io.salesdesk.app.map;

import io.salesdesk.crm.Tier;
import javafx.scene.paint.Color;

/**
 * The colours of the map's pins: one per tier, and a palette of owners that stays apart on the
 * light basemap (Tableau 10 without its grey, which the public pool keeps).
 */
final class PinColours {

    static final Color POOL = Color.web("#8c8c8c");
    private static final Color[] TIERS = {
        Color.web("#d9480f"), Color.web("#1971c2"), Color.web("#2f9e44"), Color.web("#868e96"),
    };
    private static final Color[] OWNERS = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"),
        Color.web("#59a14f"), Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"),
        Color.web("#9c755f"), Color.web("#3b5bdb"), Color.web("#0ca678"), Color.web("#c2255c"),
    };
    private static final Color[] LEAD_STATUSES = {
        Color.web("#e03131"), Color.web("#f08c00"), Color.web("#1c7ed6"), Color.web("#7048e8"),
    };

    private PinColours() {
    }

    static Color tier(int key) {
        return key >= 0 && key < TIERS.length ? TIERS[key] : TIERS[TIERS.length - 1];
    }

    static Color tier(Tier tier) {
        return tier(tier == null ? Tier.D.ordinal() : tier.ordinal());
    }

    /** Key 0 is the public pool; owners cycle through the palette after it. */
    static Color owner(int key) {
        return key == 0 ? POOL : OWNERS[(key - 1) % OWNERS.length];
    }

    /** How many owners get a colour of their own before the palette repeats. */
    static int distinctOwners() {
        return OWNERS.length;
    }

    /** Open lead statuses (new, assigned, contacted, qualified) by ordinal. */
    static Color leadStatus(int key) {
        return key >= 0 && key < LEAD_STATUSES.length ? LEAD_STATUSES[key] : LEAD_STATUSES[0];
    }

    /** The heat ramp: pale yellow through orange to red as intensity goes 0 → 1. */
    static Color heat(double intensity) {
        double t = Math.max(0, Math.min(1, intensity));
        Color low = Color.web("#ffe066");
        Color mid = Color.web("#f76707");
        Color high = Color.web("#c92a2a");
        Color c = t < 0.5 ? low.interpolate(mid, t * 2) : mid.interpolate(high, (t - 0.5) * 2);
        return Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.25 + 0.5 * t);
    }
}
