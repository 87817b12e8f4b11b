package io.salesdesk.ledger.imports;

import io.salesdesk.core.Actor;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.ledger.model.LedgerEntity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The importable and exportable entities the app wires, by key ({@code customers},
 * {@code contacts}…), so the command line and the Ledgers page pick one by name instead of
 * knowing each module.
 */
public final class LedgerEntities {

    /** No exporter for the entity; argument 2 is the entity key, 3 the known ones. */
    public static final String UNKNOWN_EXPORT = "ledger.export.unknownEntity";

    private final Map<String, ImportTarget> imports = new LinkedHashMap<>();
    private final Map<String, ExportTarget> exports = new LinkedHashMap<>();

    /**
     * A registry of the given targets, in the order menus list them.
     *
     * @param importTargets the importable entities, registered by the modules that own them
     * @param exportTargets the exportable entities
     */
    public LedgerEntities(List<ImportTarget> importTargets, List<ExportTarget> exportTargets) {
        importTargets.forEach(t -> put(imports, t.entity(), t));
        exportTargets.forEach(t -> put(exports, t.entity(), t));
    }

    /**
     * These entities followed by {@code more}'s, e.g. the CRM's ledgers and the commerce module's.
     *
     * @throws IllegalArgumentException if both register the same key
     */
    public LedgerEntities and(LedgerEntities more) {
        List<ImportTarget> allImports = new ArrayList<>(imports.values());
        allImports.addAll(more.imports.values());
        List<ExportTarget> allExports = new ArrayList<>(exports.values());
        allExports.addAll(more.exports.values());
        return new LedgerEntities(allImports, allExports);
    }

    /**
     * These entities with each target passed through the given functions, e.g. to add the Studio's
     * custom fields to every ledger that has them.
     */
    public LedgerEntities map(UnaryOperator<ImportTarget> importTarget, UnaryOperator<ExportTarget> exportTarget) {
        return new LedgerEntities(imports.values().stream().map(importTarget).toList(),
                exports.values().stream().map(exportTarget).toList());
    }

    /** The import targets, for {@link LedgerImport} and {@link ImportHistory}. */
    public List<ImportTarget> importTargets() {
        return List.copyOf(imports.values());
    }

    /** Keys of the importable entities. */
    public Set<String> importKeys() {
        return imports.keySet();
    }

    /** Keys of the exportable entities. */
    public Set<String> exportKeys() {
        return exports.keySet();
    }

    /** Keys of the entities the actor may import, in menu order (the roster only for an administrator). */
    public List<String> importKeys(Actor actor) {
        return imports.values().stream().filter(t -> allowed(() -> t.checkAllowed(actor)))
                .map(t -> t.entity().key()).toList();
    }

    /** Keys of the entities the actor may export, in menu order. */
    public List<String> exportKeys(Actor actor) {
        return exports.values().stream().filter(t -> allowed(() -> t.checkAllowed(actor)))
                .map(t -> t.entity().key()).toList();
    }

    /** The descriptor of an exportable entity. */
    public LedgerEntity exportEntity(String key) {
        return exportTarget(key).entity();
    }

    /** The descriptor of an importable entity. */
    public LedgerEntity entity(String key) {
        return importTarget(key).entity();
    }

    /**
     * The import target of an entity.
     *
     * @throws LedgerImportException naming the importable entities if there is none
     */
    public ImportTarget importTarget(String key) {
        ImportTarget target = imports.get(key);
        if (target == null) {
            throw new LedgerImportException(LedgerImportException.UNKNOWN_ENTITY, key, key,
                    String.join(", ", imports.keySet()));
        }
        return target;
    }

    /**
     * The exporter of an entity.
     *
     * @throws LedgerImportException naming the exportable entities if there is none
     */
    public ExportTarget exportTarget(String key) {
        ExportTarget target = exports.get(key);
        if (target == null) {
            throw new LedgerImportException(UNKNOWN_EXPORT, key, key, String.join(", ", exports.keySet()));
        }
        return target;
    }

    // Refused in the user's words (a role, or products and stock on a branch replica): left off the list.
    private static boolean allowed(Runnable check) {
        try {
            check.run();
            return true;
        } catch (SalesDeskException refused) {
            return false;
        }
    }

    private static <T> void put(Map<String, T> map, LedgerEntity entity, T target) {
        if (map.putIfAbsent(entity.key(), target) != null) {
            throw new IllegalArgumentException("实体 " + entity.key() + " 注册了两次");
        }
    }
}
