package io.salesdesk.commerce.stock;

import static io.salesdesk.db.jooq.Tables.STOCK_CHECK;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The last stock check of each opportunity: the verdict as a column (lists filter on it) and the
 * per-SKU result as JSON ({@code {"regionCode": …, "lines": [ … ]}}, dates as ISO text).
 */
public final class StockCheckRepository {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(LocalDate.class, ToStringSerializer.instance)
                    .addDeserializer(LocalDate.class, new StdDeserializer<LocalDate>(LocalDate.class) {
                        @Override
                        public LocalDate deserialize(JsonParser p, DeserializationContext c) throws IOException {
                            return LocalDate.parse(p.getText());
                        }
                    }))
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Stored> STORED = new TypeReference<>() {
    };

    private final DSLContext dsl;

    private StockCheckRepository(Configuration configuration) {
        this.dsl = DSL.using(configuration);
    }

    public static StockCheckRepository using(Configuration configuration) {
        return new StockCheckRepository(configuration);
    }

    /** Keeps the check as the opportunity's last. */
    public void save(StockCheck check) {
        String json = toJson(new Stored(check.regionCode(), check.lines()));
        int updated = dsl.update(STOCK_CHECK).set(STOCK_CHECK.CHECKED_AT, check.checkedAt())
                .set(STOCK_CHECK.CHECKED_BY, check.checkedBy()).set(STOCK_CHECK.HAS_SHORTAGE, check.hasShortage())
                .set(STOCK_CHECK.RESULT_JSON, json).where(STOCK_CHECK.OPPORTUNITY_ID.eq(check.opportunityId()))
                .execute();
        if (updated == 0) {
            dsl.insertInto(STOCK_CHECK).set(STOCK_CHECK.OPPORTUNITY_ID, check.opportunityId())
                    .set(STOCK_CHECK.CHECKED_AT, check.checkedAt()).set(STOCK_CHECK.CHECKED_BY, check.checkedBy())
                    .set(STOCK_CHECK.HAS_SHORTAGE, check.hasShortage()).set(STOCK_CHECK.RESULT_JSON, json).execute();
        }
    }

    /** The opportunity's last check. */
    public Optional<StockCheck> find(UUID opportunityId) {
        return dsl.selectFrom(STOCK_CHECK).where(STOCK_CHECK.OPPORTUNITY_ID.eq(opportunityId)).fetchOptional(r -> {
            Stored stored = fromJson(r.getResultJson());
            OffsetDateTime at = r.getCheckedAt();
            return new StockCheck(opportunityId, stored.regionCode(), at, r.getCheckedBy(), r.getHasShortage(),
                    stored.lines() == null ? List.of() : stored.lines());
        });
    }

    /** Removes the opportunity's check (its lines were all removed). */
    public void delete(UUID opportunityId) {
        dsl.deleteFrom(STOCK_CHECK).where(STOCK_CHECK.OPPORTUNITY_ID.eq(opportunityId)).execute();
    }

    /** What the JSON column holds. */
    record Stored(String regionCode, List<LineCheck> lines) {
    }

    static String toJson(Stored stored) {
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stock check could not be written as JSON", e);
        }
    }

    static Stored fromJson(String json) {
        try {
            return JSON.readValue(json, STORED);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A kept stock check is not valid JSON: " + json, e);
        }
    }
}
