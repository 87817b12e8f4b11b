package io.salesdesk.ledger.crm;

import io.salesdesk.core.ValidationException;
import io.salesdesk.crm.ContactDraft;
import io.salesdesk.crm.CustomerRules;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.CustomerReference;
import java.util.UUID;

/**
 * Turns one converted contact row into a {@link ContactPlan}: finds its customer, applies the
 * contact form's rules and the column limits, and puts every refusal on the cell it concerns.
 */
final class ContactRowReader {

    private final RowCells cells;
    private final CustomerFinder customers;

    ContactRowReader(ColumnMapping mapping, CustomerFinder customers) {
        this.cells = new RowCells(mapping);
        this.customers = customers;
    }

    void read(ImportRow row) {
        ContactPlan plan = new ContactPlan();
        plan.exportedId = cells.id(row, CustomerLedger.ID);
        plan.exportedVersion = RowCells.exportedVersion(row);
        if (plan.exportedId != null) {
            plan.blankColumns = cells.blankColumns(row);
        }
        plan.customerId = customer(row);
        ContactPlan.Given given = new ContactPlan.Given(RowCells.text(row, "name"), RowCells.text(row, "title"),
                RowCells.text(row, "mobile"), RowCells.text(row, "phone"), RowCells.text(row, "email"),
                RowCells.text(row, "wechat"), row.values().get("primary") instanceof Boolean b ? b : null,
                RowCells.text(row, "notes"));
        cells.checkLength(row, "name", given.name(), 100);
        cells.checkLength(row, "title", given.title(), 100);
        cells.checkLength(row, "email", given.email(), 200);
        cells.checkLength(row, "wechat", given.wechat(), 100);
        cells.checkLength(row, "notes", given.notes(), 2000);
        plan.given = validated(row, given);
        row.plan(plan);
    }

    private UUID customer(ImportRow row) {
        CustomerFinder.Match match = customers.find(cells.id(row, CustomerReference.ID),
                RowCells.text(row, CustomerReference.CREDIT_CODE), RowCells.text(row, CustomerReference.NAME));
        if (match.problemKey() != null) {
            cells.problem(row, match.field(), match.text(), match.problemKey(), match.text());
            return null;
        }
        return match.customer().id();
    }

    // The contact form's rules decide, as for a contact typed in.
    private ContactPlan.Given validated(ImportRow row, ContactPlan.Given given) {
        try {
            ContactDraft valid = CustomerRules.validateContact(given.asNew());
            return new ContactPlan.Given(valid.name(), valid.title(), valid.mobile(), valid.phone(), valid.email(),
                    valid.wechat(), given.primary(), valid.notes());
        } catch (ValidationException e) {
            for (ValidationException.FieldProblem p : e.problems()) {
                // The converter has usually reported the cell already (required name, bad phone).
                int column = cells.column(p.field());
                if (row.problems().stream().noneMatch(x -> column >= 0 && x.column() == column)) {
                    cells.problem(row, p.field(), p.arguments().isEmpty() ? "" : String.valueOf(p.arguments().get(0)),
                            p.messageKey(), p.arguments().toArray());
                }
            }
            return given;
        }
    }
}
