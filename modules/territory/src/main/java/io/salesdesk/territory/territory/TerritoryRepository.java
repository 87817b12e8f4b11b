package io.salesdesk.territory.territory;

import static io.salesdesk.db.jooq.Tables.APP_USER;
import static io.salesdesk.db.jooq.Tables.ORG_UNIT;
import static io.salesdesk.db.jooq.Tables.REGION;
import static io.salesdesk.db.jooq.Tables.TERRITORY;
import static io.salesdesk.db.jooq.Tables.TERRITORY_REGION;

import io.salesdesk.core.Actor;
import io.salesdesk.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Territories (table {@code territory}) with their regions ({@code territory_region}). */
public final class TerritoryRepository {

    /** The audit trail's name for a territory. */
    public static final String ENTITY = "territory";

    private final DSLContext dsl;
    private final Clock clock;

    private TerritoryRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
    }

    public static TerritoryRepository using(Configuration configuration, Clock clock) {
        return new TerritoryRepository(configuration, clock);
    }

    /** Every live territory with its regions and owner, by name: two queries however many there are. */
    public List<Territory> all() {
        return select(DSL.trueCondition());
    }

    public Optional<Territory> find(UUID id) {
        return select(TERRITORY.ID.eq(id)).stream().findFirst();
    }

    private List<Territory> select(Condition condition) {
        Map<UUID, List<String>> codes = new HashMap<>();
        dsl.select(TERRITORY_REGION.TERRITORY_ID, TERRITORY_REGION.REGION_CODE).from(TERRITORY_REGION)
                .join(TERRITORY).on(TERRITORY.ID.eq(TERRITORY_REGION.TERRITORY_ID))
                .where(TERRITORY.DELETED_AT.isNull(), condition).orderBy(TERRITORY_REGION.REGION_CODE)
                .forEach(r -> codes.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return dsl.select(TERRITORY.ID, TERRITORY.NAME, TERRITORY.OWNER_ORG_UNIT_ID, TERRITORY.OWNER_USER_ID,
                        DSL.coalesce(ORG_UNIT.NAME, APP_USER.DISPLAY_NAME), TERRITORY.COLOUR, TERRITORY.VERSION)
                .from(TERRITORY)
                .leftJoin(ORG_UNIT).on(ORG_UNIT.ID.eq(TERRITORY.OWNER_ORG_UNIT_ID))
                .leftJoin(APP_USER).on(APP_USER.ID.eq(TERRITORY.OWNER_USER_ID))
                .where(TERRITORY.DELETED_AT.isNull(), condition)
                .orderBy(TERRITORY.NAME, TERRITORY.ID)
                .fetch(r -> new Territory(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        codes.getOrDefault(r.value1(), List.of()), r.value7()));
    }

    public void insert(Actor actor, UUID id, String name, TerritoryOwner owner, String colour) {
        OffsetDateTime now = Rows.now(clock);
        dsl.insertInto(TERRITORY).set(TERRITORY.ID, id).set(TERRITORY.NAME, name)
                .set(TERRITORY.OWNER_ORG_UNIT_ID, owner.orgUnitId()).set(TERRITORY.OWNER_USER_ID, owner.userId())
                .set(TERRITORY.COLOUR, colour).set(TERRITORY.VERSION, 1L)
                .set(TERRITORY.CREATED_AT, now).set(TERRITORY.CREATED_BY, Rows.userId(actor))
                .set(TERRITORY.UPDATED_AT, now).set(TERRITORY.UPDATED_BY, Rows.userId(actor)).execute();
    }

    /**
     * Writes name, owner and colour if the row is still at {@code expectedVersion}, and bumps the
     * version; false when someone changed or deleted it meanwhile.
     */
    public boolean update(Actor actor, UUID id, long expectedVersion, String name, TerritoryOwner owner,
                          String colour) {
        return dsl.update(TERRITORY).set(TERRITORY.NAME, name)
                .set(TERRITORY.OWNER_ORG_UNIT_ID, owner.orgUnitId()).set(TERRITORY.OWNER_USER_ID, owner.userId())
                .set(TERRITORY.COLOUR, colour).set(TERRITORY.VERSION, expectedVersion + 1)
                .set(TERRITORY.UPDATED_AT, Rows.now(clock)).set(TERRITORY.UPDATED_BY, Rows.userId(actor))
                .where(TERRITORY.ID.eq(id), TERRITORY.VERSION.eq(expectedVersion), TERRITORY.DELETED_AT.isNull())
                .execute() == 1;
    }

    /** Soft-deletes the territory and frees its regions; false when it changed meanwhile. */
    public boolean delete(Actor actor, UUID id, long expectedVersion) {
        OffsetDateTime now = Rows.now(clock);
        boolean deleted = dsl.update(TERRITORY).set(TERRITORY.DELETED_AT, now)
                .set(TERRITORY.VERSION, expectedVersion + 1)
                .set(TERRITORY.UPDATED_AT, now).set(TERRITORY.UPDATED_BY, Rows.userId(actor))
                .where(TERRITORY.ID.eq(id), TERRITORY.VERSION.eq(expectedVersion), TERRITORY.DELETED_AT.isNull())
                .execute() == 1;
        if (deleted) {
            dsl.deleteFrom(TERRITORY_REGION).where(TERRITORY_REGION.TERRITORY_ID.eq(id)).execute();
        }
        return deleted;
    }

    /** Replaces the territory's regions. */
    public void replaceRegions(UUID id, Collection<String> codes) {
        dsl.deleteFrom(TERRITORY_REGION).where(TERRITORY_REGION.TERRITORY_ID.eq(id)).execute();
        if (codes.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(TERRITORY_REGION, TERRITORY_REGION.REGION_CODE, TERRITORY_REGION.TERRITORY_ID);
        for (String code : codes) {
            insert = insert.values(code, id);
        }
        insert.execute();
    }

    /** The codes among {@code codes} that are not regions we know. */
    public Set<String> unknownRegions(Collection<String> codes) {
        Set<String> unknown = new TreeSet<>(codes);
        dsl.select(REGION.CODE).from(REGION).where(REGION.CODE.in(codes)).forEach(r -> unknown.remove(r.value1()));
        return unknown;
    }

    /**
     * The first region of another territory that is {@code code}, contains it or lies inside it
     * (a territory with 浙江 and one with 杭州 would both claim 西湖区), with that territory's name.
     */
    public Optional<Clash> clash(UUID territoryId, String code) {
        Set<String> enclosing = new LinkedHashSet<>(List.of(code, code.substring(0, 4) + "00",
                code.substring(0, 2) + "0000"));
        Condition inside = code.endsWith("0000") ? TERRITORY_REGION.REGION_CODE.startsWith(code.substring(0, 2))
                : code.endsWith("00") ? TERRITORY_REGION.REGION_CODE.startsWith(code.substring(0, 4))
                : DSL.falseCondition();
        return dsl.select(TERRITORY_REGION.REGION_CODE, TERRITORY.NAME).from(TERRITORY_REGION)
                .join(TERRITORY).on(TERRITORY.ID.eq(TERRITORY_REGION.TERRITORY_ID))
                .where(TERRITORY.DELETED_AT.isNull(), TERRITORY.ID.ne(territoryId),
                        TERRITORY_REGION.REGION_CODE.in(enclosing).or(inside))
                .orderBy(TERRITORY_REGION.REGION_CODE).limit(1)
                .fetchOptional(r -> new Clash(r.value1(), r.value2()));
    }

    /** A region of another territory that overlaps the one asked for. */
    public record Clash(String regionCode, String territoryName) {
    }
}
