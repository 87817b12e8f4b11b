package io.salesdesk.ledger.crm;

import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.RegionService;
import io.salesdesk.crm.Tier;
import io.salesdesk.crm.lead.LeadDraft;
import io.salesdesk.crm.lead.LeadService;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import java.util.regex.Pattern;

/**
 * Turns one converted lead row into a {@link LeadPlan}. The 区域 cell is a GB/T 2260 code or a
 * region's name (江苏省苏州市, 姑苏区); without one the lead service takes the region from the
 * address. The row is then checked by {@link LeadService#validate} exactly as a lead typed into the
 * form, and each refusal (name, phone, region, note) is a problem on its cell.
 */
final class LeadRowReader {

    /** Where a lead came from when the ledger does not say. */
    static final String DEFAULT_SOURCE = "导入";

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final RowCells cells;
    private final LeadService leads;
    private final RegionService regions;

    LeadRowReader(ColumnMapping mapping, LeadService leads, RegionService regions) {
        this.cells = new RowCells(mapping);
        this.leads = leads;
        this.regions = regions;
    }

    void read(ImportRow row) {
        LeadPlan plan = new LeadPlan();
        String source = RowCells.text(row, "source");
        plan.sourceGiven = source != null;
        String tier = RowCells.text(row, "tier");
        LeadDraft draft = new LeadDraft(RowCells.text(row, "name"), RowCells.text(row, "contactName"),
                RowCells.text(row, "phone"), RowCells.text(row, "address"), region(row),
                Industries.code(RowCells.text(row, "industry")), tier == null ? null : Tier.valueOf(tier),
                source != null ? source : DEFAULT_SOURCE, RowCells.text(row, "note"));
        cells.checkLength(row, "contactName", draft.contactName(), 100);
        cells.checkLength(row, "address", draft.address(), 500);
        cells.checkLength(row, "industry", draft.industry(), 32);
        cells.checkLength(row, "source", draft.source(), 40);
        plan.given = validated(row, draft);
        row.plan(plan);
    }

    // A code is checked by the service; a name must name one region, or it is a problem on its cell.
    private String region(ImportRow row) {
        String text = RowCells.text(row, "region");
        if (text == null || REGION_CODE.matcher(text).matches()) {
            return text;
        }
        String code = regions.resolveAddress(text).map(r -> r.code()).orElse(null);
        if (code == null) {
            cells.problem(row, "region", text, "lead.region.unknown", text);
        }
        return code;
    }

    private LeadDraft validated(ImportRow row, LeadDraft draft) {
        try {
            return leads.validate(draft);
        } catch (ValidationException e) {
            for (FieldProblem p : e.problems()) {
                String field = fieldOf(p.field());
                int column = cells.column(field);
                // A blank name already has the converter's "required" on its cell.
                boolean reported = row.problems().stream().anyMatch(x -> x.column() == column
                        && (column >= 0 || x.header().equals(field)));
                if (!reported) {
                    cells.problem(row, field, RowCells.text(row, field), p.messageKey(), p.arguments().toArray());
                }
            }
            return draft;
        }
    }

    // The service's field names, as the ledger spells them: the region sits in 区域, else in 地址.
    private String fieldOf(String serviceField) {
        if (serviceField.equals("regionCode")) {
            return cells.column("region") >= 0 || cells.column("address") < 0 ? "region" : "address";
        }
        return serviceField;
    }
}
