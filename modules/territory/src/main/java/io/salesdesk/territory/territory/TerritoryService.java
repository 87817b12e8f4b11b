package io.salesdesk.territory.territory;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.core.Role;
import io.salesdesk.core.SalesDeskException;
import io.salesdesk.core.StaleRecordException;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.RegionService;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.Database;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jooq.Configuration;

/**
 * Territories as a manager edits them on the map or in the table: create, rename, recolour,
 * change the owner, delete, and add or remove regions by clicking them. A region belongs to at
 * most one territory (nor may one territory hold a province while another holds a city in it).
 * Managers and company-wide roles edit; every change is written to the change history.
 */
public final class TerritoryService {

    /** Longest territory name. */
    public static final int NAME_LENGTH = 100;
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final Database db;
    private final Clock clock;
    private final UnaryOperator<String> regionNames;

    public TerritoryService(Database db, Clock clock, RegionService regions) {
        this(db, clock, regions::fullName);
    }

    /** With a namer of region codes for messages (the full name, e.g. 浙江省杭州市). */
    public TerritoryService(Database db, Clock clock, UnaryOperator<String> regionNames) {
        this.db = db;
        this.clock = clock;
        this.regionNames = regionNames;
    }

    /**
     * Every territory with its region codes, owner and colour, in one call: what the map draws.
     * Anyone may look; the map shows whose ground is whose.
     */
    public List<Territory> list() {
        return db.transactionResult(cfg -> TerritoryRepository.using(cfg, clock).all());
    }

    /**
     * Creates a territory without regions.
     *
     * @throws ValidationException for a blank or over-long name, an invalid colour or no owner
     * @throws SalesDeskException  {@code territory.notAllowed} for anyone but managers and company-wide roles
     */
    public Territory create(Actor actor, String name, TerritoryOwner owner, String colour) {
        requireEditor(actor);
        String validName = validate(name, owner, colour);
        return db.transactionResult(cfg -> {
            UUID id = Ids.newId(clock);
            TerritoryRepository.using(cfg, clock).insert(actor, id, validName, owner, colour.toUpperCase());
            Territory created = TerritoryRepository.using(cfg, clock).find(id).orElseThrow();
            history(cfg, actor, id, ChangeEntry.Operation.INSERT, Map.of(), snapshot(created));
            return created;
        });
    }

    /** Renames it. */
    public Territory rename(Actor actor, UUID id, long expectedVersion, String name) {
        return edit(actor, id, expectedVersion, t -> new Territory(t.id(), name, t.ownerOrgUnitId(), t.ownerUserId(),
                t.ownerName(), t.colour(), t.regionCodes(), t.version()));
    }

    /** Gives it another fill colour on the map ({@code #RRGGBB}). */
    public Territory recolour(Actor actor, UUID id, long expectedVersion, String colour) {
        return edit(actor, id, expectedVersion, t -> new Territory(t.id(), t.name(), t.ownerOrgUnitId(),
                t.ownerUserId(), t.ownerName(), colour, t.regionCodes(), t.version()));
    }

    /** Hands it to another team or rep. */
    public Territory changeOwner(Actor actor, UUID id, long expectedVersion, TerritoryOwner owner) {
        return edit(actor, id, expectedVersion, t -> new Territory(t.id(), t.name(), owner.orgUnitId(), owner.userId(),
                t.ownerName(), t.colour(), t.regionCodes(), t.version()));
    }

    /**
     * Adds regions (a click on the map adds one); codes it already has are ignored.
     *
     * @throws ValidationException naming unknown codes
     * @throws SalesDeskException  {@code territory.region.taken} naming the region and the other territory
     */
    public Territory addRegions(Actor actor, UUID id, long expectedVersion, Collection<String> codes) {
        return edit(actor, id, expectedVersion, t -> {
            Set<String> all = new TreeSet<>(t.regionCodes());
            all.addAll(codes);
            return new Territory(t.id(), t.name(), t.ownerOrgUnitId(), t.ownerUserId(), t.ownerName(), t.colour(),
                    new ArrayList<>(all), t.version());
        });
    }

    /** Removes regions; codes it does not have are ignored. */
    public Territory removeRegions(Actor actor, UUID id, long expectedVersion, Collection<String> codes) {
        return edit(actor, id, expectedVersion, t -> new Territory(t.id(), t.name(), t.ownerOrgUnitId(),
                t.ownerUserId(), t.ownerName(), t.colour(),
                t.regionCodes().stream().filter(c -> !codes.contains(c)).toList(), t.version()));
    }

    /** Deletes it; its regions are free for other territories. */
    public void delete(Actor actor, UUID id, long expectedVersion) {
        requireEditor(actor);
        db.transaction(cfg -> {
            TerritoryRepository rows = TerritoryRepository.using(cfg, clock);
            Territory before = rows.find(id).orElseThrow(() -> new StaleRecordException(TerritoryRepository.ENTITY, id,
                    expectedVersion, null));
            if (!rows.delete(actor, id, expectedVersion)) {
                throw new StaleRecordException(TerritoryRepository.ENTITY, id, expectedVersion, before);
            }
            history(cfg, actor, id, ChangeEntry.Operation.DELETE, snapshot(before), Map.of());
        });
    }

    private Territory edit(Actor actor, UUID id, long expectedVersion, UnaryOperator<Territory> change) {
        requireEditor(actor);
        return db.transactionResult(cfg -> {
            TerritoryRepository rows = TerritoryRepository.using(cfg, clock);
            Territory before = rows.find(id).orElseThrow(() -> new StaleRecordException(TerritoryRepository.ENTITY, id,
                    expectedVersion, null));
            if (before.version() != expectedVersion) {
                throw new StaleRecordException(TerritoryRepository.ENTITY, id, expectedVersion, before);
            }
            Territory after = change.apply(before);
            TerritoryOwner owner = new TerritoryOwner(after.ownerOrgUnitId(), after.ownerUserId());
            String name = validate(after.name(), owner, after.colour());
            if (!after.regionCodes().equals(before.regionCodes())) {
                checkRegions(rows, id, after.regionCodes());
            }
            if (!rows.update(actor, id, expectedVersion, name, owner, after.colour().toUpperCase())) {
                throw new StaleRecordException(TerritoryRepository.ENTITY, id, expectedVersion, before);
            }
            rows.replaceRegions(id, after.regionCodes());
            Territory written = rows.find(id).orElseThrow();
            history(cfg, actor, id, ChangeEntry.Operation.UPDATE, snapshot(before), snapshot(written));
            return written;
        });
    }

    private void checkRegions(TerritoryRepository rows, UUID id, List<String> codes) {
        List<String> malformed = codes.stream().filter(c -> c == null || !CODE.matcher(c).matches()).toList();
        Set<String> unknown = new TreeSet<>(malformed.stream().map(String::valueOf).toList());
        unknown.addAll(rows.unknownRegions(codes.stream()
                .filter(c -> c != null && CODE.matcher(c).matches()).toList()));
        if (!unknown.isEmpty()) {
            throw new ValidationException(List.of(FieldProblem.of("regionCodes", "territory.region.unknown",
                    String.join(", ", unknown))));
        }
        for (String code : codes) {
            rows.clash(id, code).ifPresent(c -> {
                throw new SalesDeskException("territory.region.taken", regionNames.apply(code),
                        c.territoryName(), regionNames.apply(c.regionCode()));
            });
        }
    }

    private static String validate(String name, TerritoryOwner owner, String colour) {
        List<FieldProblem> problems = new ArrayList<>();
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.add(FieldProblem.of("name", "territory.name.required"));
        } else if (stripped.length() > NAME_LENGTH) {
            problems.add(FieldProblem.of("name", "territory.name.tooLong", NAME_LENGTH));
        }
        if (owner == null || owner.isEmpty()) {
            problems.add(FieldProblem.of("owner", "territory.owner.required"));
        }
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            problems.add(FieldProblem.of("colour", "territory.colour.invalid", String.valueOf(colour)));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return stripped;
    }

    private void history(Configuration cfg, Actor actor, UUID id, ChangeEntry.Operation operation,
                         Map<String, Object> before, Map<String, Object> after) {
        ChangeLog.using(cfg, clock).record(actor, ChangeReason.user(), TerritoryRepository.ENTITY, id, operation,
                FieldChange.diff(before, after));
    }

    private static Map<String, Object> snapshot(Territory t) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", t.name());
        values.put("ownerOrgUnitId", t.ownerOrgUnitId());
        values.put("ownerUserId", t.ownerUserId());
        values.put("colour", t.colour());
        values.put("regionCodes", String.join(",", t.regionCodes()));
        return values;
    }

    private static void requireEditor(Actor actor) {
        if (actor.role() != Role.MANAGER && !actor.role().seesEverything()) {
            throw new SalesDeskException("territory.notAllowed");
        }
    }
}
