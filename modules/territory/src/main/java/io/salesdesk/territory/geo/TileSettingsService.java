package io.salesdesk.territory.geo;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.db.Database;
import io.salesdesk.db.WorkspaceSettings;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The map tile settings of the workspace ({@code map.tiles.*} workspace settings): the whole
 * organisation uses the same tile server; each computer keeps its own cache of that size.
 */
public final class TileSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(TileSettingsService.class);
    private static final String PREFIX = "map.tiles.";

    private final Database db;

    public TileSettingsService(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** The saved settings; a missing or unreadable value falls back to its default. */
    public TileSettings settings() {
        Map<String, String> saved = db.transactionResult(cfg -> WorkspaceSettings.using(cfg).withPrefix(PREFIX));
        TileSettings d = TileSettings.DEFAULTS;
        int cache = d.cacheLimitMb();
        String limit = saved.get("cacheLimitMb");
        if (limit != null) {
            try {
                cache = Math.max(TileSettings.MIN_CACHE_MB, Math.min(TileSettings.MAX_CACHE_MB, Integer.parseInt(limit.strip())));
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring unreadable tile cache limit {}", limit);
            }
        }
        return new TileSettings(saved.getOrDefault("urlTemplate", d.urlTemplate()),
                saved.getOrDefault("contact", d.contact()), cache);
    }

    /** Saves the settings; company-wide roles and administrators only. */
    public void save(Actor actor, TileSettings settings) {
        if (!actor.role().seesEverything()) {
            throw new SalesDeskException("map.tiles.notAllowed");
        }
        settings.validate();
        db.transaction(cfg -> {
            WorkspaceSettings ws = WorkspaceSettings.using(cfg);
            ws.put(PREFIX + "urlTemplate", settings.urlTemplate());
            ws.put(PREFIX + "contact", settings.contact());
            ws.put(PREFIX + "cacheLimitMb", Integer.toString(settings.cacheLimitMb()));
        });
        LOG.info("Map tile settings changed by {}: template '{}', cache {} MB", actor.userId(),
                settings.urlTemplate(), settings.cacheLimitMb());
    }
}
