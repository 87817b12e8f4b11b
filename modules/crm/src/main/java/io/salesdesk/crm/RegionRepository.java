package io.salesdesk.crm;

import static io.salesdesk.db.jooq.Tables.REGION;

import io.salesdesk.db.BulkInsert;
import io.salesdesk.db.jooq.tables.records.RegionRecord;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** GB/T 2260 regions (reference data, not audited). */
public final class RegionRepository {

    private final DSLContext dsl;

    private RegionRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static RegionRepository using(Configuration configuration) {
        return new RegionRepository(configuration);
    }

    public int count() {
        return dsl.fetchCount(REGION);
    }

    public List<Region> all() {
        return dsl.selectFrom(REGION).orderBy(REGION.CODE).fetch(r -> new Region(r.getCode(), r.getParentCode(),
                r.getName(), r.getLevel(), r.getAreaCode(), r.getLongitude(), r.getLatitude()));
    }

    public void insertAll(List<Region> regions) {
        List<RegionRecord> records = new ArrayList<>(regions.size());
        for (Region region : regions) {
            RegionRecord r = dsl.newRecord(REGION);
            r.setCode(region.code());
            r.setParentCode(region.parentCode());
            r.setName(region.name());
            r.setLevel(region.level());
            r.setAreaCode(region.areaCode());
            r.setLongitude(region.longitude());
            r.setLatitude(region.latitude());
            records.add(r);
        }
        BulkInsert.insert(dsl, records);
    }
}
