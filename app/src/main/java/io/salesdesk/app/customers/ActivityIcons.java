package io.salesdesk.app.customers;

import org.kordamp.ikonli.feather.Feather;

import io.salesdesk.crm.ActivityKind;

/** The icon of each kind of follow-up, the same in the buttons and the timeline. */
public final class ActivityIcons {

    private ActivityIcons() {
    }

    public static Feather of(ActivityKind kind) {
        if (kind == null) {
            return Feather.CIRCLE;
        }
        return switch (kind) {
            case CALL -> Feather.PHONE_CALL;
            case VISIT -> Feather.MAP_PIN;
            case MEETING -> Feather.USERS;
            case DEMO -> Feather.MONITOR;
            case NOTE -> Feather.EDIT_3;
        };
    }
}
