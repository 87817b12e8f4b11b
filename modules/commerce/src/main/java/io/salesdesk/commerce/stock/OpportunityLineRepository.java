package io.salesdesk.commerce.stock;

import static io.salesdesk.db.jooq.Tables.OPPORTUNITY_LINE;
import static io.salesdesk.db.jooq.Tables.PRODUCT;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ChangeReason;
import io.salesdesk.core.Ids;
import io.salesdesk.db.ChangeEntry;
import io.salesdesk.db.ChangeLog;
import io.salesdesk.db.FieldChange;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The product lines of opportunities; a save replaces all lines of one opportunity. */
public final class OpportunityLineRepository {

    /** The audit entity: the lines are recorded as one field of the opportunity. */
    public static final String ENTITY = "opportunity";

    private final DSLContext dsl;
    private final Clock clock;
    private final ChangeLog changeLog;

    private OpportunityLineRepository(Configuration configuration, Clock clock) {
        this.dsl = DSL.using(configuration);
        this.clock = clock;
        this.changeLog = ChangeLog.using(configuration, clock);
    }

    public static OpportunityLineRepository using(Configuration configuration, Clock clock) {
        return new OpportunityLineRepository(configuration, clock);
    }

    /** The opportunity's lines in order. */
    public List<OpportunityLine> forOpportunity(UUID opportunityId) {
        return dsl.select(OPPORTUNITY_LINE.fields()).select(PRODUCT.SKU, PRODUCT.NAME, PRODUCT.CATEGORY, PRODUCT.UNIT)
                .from(OPPORTUNITY_LINE).join(PRODUCT).on(PRODUCT.ID.eq(OPPORTUNITY_LINE.PRODUCT_ID))
                .where(OPPORTUNITY_LINE.OPPORTUNITY_ID.eq(opportunityId)).orderBy(OPPORTUNITY_LINE.LINE_NO)
                .fetch(r -> new OpportunityLine(r.get(OPPORTUNITY_LINE.ID), opportunityId,
                        r.get(OPPORTUNITY_LINE.LINE_NO), r.get(OPPORTUNITY_LINE.PRODUCT_ID), r.get(PRODUCT.SKU),
                        r.get(PRODUCT.NAME), r.get(PRODUCT.CATEGORY), r.get(PRODUCT.UNIT),
                        r.get(OPPORTUNITY_LINE.QUANTITY)));
    }

    /** Replaces the opportunity's lines, recording the change as the opportunity's "lines" field. */
    public void replace(Actor actor, ChangeReason reason, UUID opportunityId, List<OpportunityLine.Draft> lines,
                        Map<UUID, String> skus) {
        String before = text(forOpportunity(opportunityId).stream()
                .map(l -> new OpportunityLine.Draft(l.productId(), l.quantity())).toList(), skus);
        dsl.deleteFrom(OPPORTUNITY_LINE).where(OPPORTUNITY_LINE.OPPORTUNITY_ID.eq(opportunityId)).execute();
        int no = 0;
        for (OpportunityLine.Draft line : lines) {
            dsl.insertInto(OPPORTUNITY_LINE).set(OPPORTUNITY_LINE.ID, Ids.newId(clock))
                    .set(OPPORTUNITY_LINE.OPPORTUNITY_ID, opportunityId).set(OPPORTUNITY_LINE.LINE_NO, ++no)
                    .set(OPPORTUNITY_LINE.PRODUCT_ID, line.productId()).set(OPPORTUNITY_LINE.QUANTITY, line.quantity())
                    .execute();
        }
        String after = text(lines, skus);
        if (!java.util.Objects.equals(before, after)) {
            Map<String, FieldChange> changes = new LinkedHashMap<>();
            changes.put("lines", new FieldChange(before, after));
            changeLog.record(actor, reason, ENTITY, opportunityId, ChangeEntry.Operation.UPDATE, changes);
        }
    }

    private static String text(List<OpportunityLine.Draft> lines, Map<UUID, String> skus) {
        return lines.isEmpty() ? null : lines.stream()
                .map(l -> skus.getOrDefault(l.productId(), l.productId().toString()) + "×"
                        + l.quantity().stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(", "));
    }
}
