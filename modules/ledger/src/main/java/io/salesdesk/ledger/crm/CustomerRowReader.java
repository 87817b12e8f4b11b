package io.salesdesk.ledger.crm;

import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.CustomerDraft;
import io.salesdesk.crm.CustomerLocationService;
import io.salesdesk.crm.CustomerRules;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.map.MappedColumn;
import io.salesdesk.ledger.model.CustomerLedger;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one converted row into a {@link CustomerPlan}: resolves owner and region, applies the
 * CRM's validation rules, and puts every refusal on the cell it concerns.
 */
final class CustomerRowReader {

    /** A region column whose text names no known region; argument 1 is the text. */
    static final String UNKNOWN_REGION = "ledger.import.unknownRegion";
    /** Text longer than its column allows; arguments: the text, the limit. */
    static final String TOO_LONG = "ledger.import.tooLong";
    /** The hidden id column holds no SalesDesk id; argument 1 is the text. */
    static final String BAD_ID = "ledger.import.badId";

    // Ledger dates carry no zone: they are Beijing time.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ColumnMapping mapping;
    private final RegionResolver regions;
    private final RegionService regionService;
    private final OwnerResolver owners;

    CustomerRowReader(ColumnMapping mapping, RegionResolver regions, RegionService regionService, OwnerResolver owners) {
        this.mapping = mapping;
        this.regions = regions;
        this.regionService = regionService;
        this.owners = owners;
    }

    void read(ImportRow row) {
        Map<String, Object> v = row.values();
        CustomerPlan plan = new CustomerPlan();
        String idText = text(v, CustomerLedger.ID);
        if (idText != null) {
            try {
                plan.exportedId = UUID.fromString(idText.strip());
            } catch (IllegalArgumentException e) {
                problem(row, CustomerLedger.ID, idText, BAD_ID, idText);
            }
        }
        plan.exportedVersion = v.get(CustomerLedger.VERSION) instanceof Long version ? version : null;
        if (plan.exportedId != null) {
            plan.blankColumns = mapping.columns().stream().map(MappedColumn::fieldKey)
                    .filter(field -> !v.containsKey(field)).collect(java.util.stream.Collectors.toSet());
        }
        UUID ownerId = null;
        String owner = text(v, "owner");
        if (owner != null) {
            OwnerResolver.Match match = owners.resolve(owner);
            ownerId = match.ownerId();
            if (match.problemKey() != null) {
                problem(row, "owner", owner, match.problemKey(), owner);
            }
        }
        String regionCode = region(row, v);
        String tierText = text(v, "tier");
        Tier tier = tierText == null ? null : Tier.valueOf(tierText);
        CustomerDraft given = new CustomerDraft(text(v, "name"), text(v, "creditCode"), tier,
                Industries.code(text(v, "industry")), regionCode, text(v, "address"), text(v, "phone"), ownerId);
        checkLength(row, "industry", given.industry(), 32);
        checkLength(row, "address", given.address(), 500);
        plan.contactName = text(v, "contactName");
        plan.contactMobile = text(v, "contactMobile");
        checkLength(row, "contactName", plan.contactName, 100);
        if (v.get("lastFollowUp") instanceof LocalDateTime last) {
            plan.lastFollowUpAt = last.atZone(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        readPlace(row, v, plan);
        plan.given = validated(row, given);
        row.plan(plan);
    }

    // 经度/纬度 and 标签: checked as the map's own form checks them, refusals on their cells.
    private void readPlace(ImportRow row, Map<String, Object> v, CustomerPlan plan) {
        java.math.BigDecimal longitude = v.get("longitude") instanceof java.math.BigDecimal d ? d : null;
        java.math.BigDecimal latitude = v.get("latitude") instanceof java.math.BigDecimal d ? d : null;
        List<ValidationException.FieldProblem> wrong = CustomerLocationService.coordinateProblems(longitude, latitude);
        if (wrong.isEmpty()) {
            plan.longitude = longitude;
            plan.latitude = latitude;
        }
        for (ValidationException.FieldProblem p : wrong) {
            Object value = "longitude".equals(p.field()) ? longitude : latitude;
            row.addProblem(problemAt(row, p.field(), value == null ? "" : value.toString(), p.messageKey(),
                    p.arguments()));
        }
        String tags = text(v, "tags");
        if (tags != null) {
            try {
                plan.tags = CustomerLocationService.validTags(CustomerLocationService.splitTags(tags));
            } catch (ValidationException e) {
                e.problems().forEach(p -> row.addProblem(problemAt(row, "tags", tags, p.messageKey(), p.arguments())));
            }
        }
    }

    // The CRM's own rules (name, credit code checksum, phone) decide, as for a customer typed in.
    private CustomerDraft validated(ImportRow row, CustomerDraft given) {
        CustomerDraft asNew = new CustomerDraft(given.name(), given.creditCode(),
                given.tier() == null ? Tier.B : given.tier(), given.industry(), given.regionCode(), given.address(),
                given.phone(), given.ownerId());
        try {
            CustomerDraft valid = CustomerRules.validate(asNew, code -> regionService.byCode(code).isPresent());
            return new CustomerDraft(valid.name().isEmpty() ? null : valid.name(), valid.creditCode(), given.tier(),
                    valid.industry(), valid.regionCode(), valid.address(), valid.phone(), valid.ownerId());
        } catch (ValidationException e) {
            for (ValidationException.FieldProblem p : e.problems()) {
                String field = fieldOf(p.field());
                boolean alreadyReported = row.problems().stream().anyMatch(x -> columnOf(field) >= 0
                        && x.column() == columnOf(field));
                if (!alreadyReported) {
                    Object value = p.arguments().isEmpty() ? "" : p.arguments().get(0);
                    row.addProblem(problemAt(row, field, String.valueOf(value), p.messageKey(), p.arguments()));
                }
            }
            return given;
        }
    }

    private String region(ImportRow row, Map<String, Object> v) {
        String province = text(v, "province");
        String city = text(v, "city");
        String district = text(v, "district");
        RegionResolver.Resolution resolution = regions.resolve(province, city, district);
        if (resolution.failed() != null) {
            String value = text(v, resolution.failed());
            problem(row, resolution.failed(), value, UNKNOWN_REGION, value);
            return null;
        }
        return resolution.code() != null ? resolution.code() : regions.resolveAddress(text(v, "address"));
    }

    private void checkLength(ImportRow row, String field, String text, int max) {
        if (text != null && text.length() > max) {
            problem(row, field, text, TOO_LONG, text, max);
        }
    }

    private void problem(ImportRow row, String field, String value, String key, Object... args) {
        row.addProblem(problemAt(row, field, value, key, List.of(args)));
    }

    private CellProblem problemAt(ImportRow row, String field, String value, String key, List<Object> args) {
        Optional<MappedColumn> column = mapping.columnFor(field);
        return new CellProblem(row.rowNumber(), column.map(MappedColumn::column).orElse(-1),
                column.map(MappedColumn::header).orElse(field), value == null ? "" : value, key, args);
    }

    private int columnOf(String field) {
        return mapping.columnFor(field).map(MappedColumn::column).orElse(-1);
    }

    // The validator's field names, as the ledger's fields spell them.
    private String fieldOf(String validatorField) {
        switch (validatorField) {
            case "regionCode":
                for (String f : List.of("district", "city", "province", "address")) {
                    if (mapping.columnFor(f).isPresent()) {
                        return f;
                    }
                }
                return "province";
            case "ownerId":
                return "owner";
            default:
                return validatorField;
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
