package io.salesdesk.app.common;

import org.kordamp.ikonli.feather.Feather;

/** The pages of the main window, in navigation order. */
public enum Page {
    MY_DAY(Feather.SUN, true),
    DASHBOARD(Feather.BAR_CHART_2, true),
    CUSTOMERS(Feather.USERS, true),
    LEADS(Feather.USER_PLUS, true),
    PIPELINE(Feather.COLUMNS, true),
    TASKS(Feather.CHECK_SQUARE, true),
    COMMERCE(Feather.SHOPPING_BAG, true),
    APPROVALS(Feather.CLIPBOARD, true),
    MAP(Feather.MAP, true),
    LEDGERS(Feather.FILE, true),
    SETTINGS(Feather.SETTINGS, true);

    private final Feather icon;
    private final boolean built;

    Page(Feather icon, boolean built) {
        this.icon = icon;
        this.built = built;
    }

    public Feather icon() {
        return icon;
    }

    /** Whether the page exists yet; the others show what arrives later. */
    public boolean built() {
        return built;
    }

    public String title() {
        return I18n.get("nav." + name());
    }
}
