package io.salesdesk.ledger.crm;

import io.salesdesk.core.Actor;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.crm.OpportunityDraft;
import io.salesdesk.crm.OpportunityRules;
import io.salesdesk.crm.OpportunityStage;
import io.salesdesk.ledger.convert.Conversion;
import io.salesdesk.ledger.imports.ImportRow;
import io.salesdesk.ledger.map.ColumnMapping;
import io.salesdesk.ledger.model.CustomerLedger;
import io.salesdesk.ledger.model.CustomerReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Turns one converted opportunity row into an {@link OpportunityPlan}: its customer, the stage by
 * Chinese or English name or code (blank is the first stage), the amount in yuan, the win
 * probability in percent ("30", "30%", or 0.3 from a percent-formatted cell), and who works it (by
 * name or login; blank is the customer's owner). The row is then checked against the same rules as
 * the form and the board ({@link OpportunityRules}): 报价 needs an amount, 商务谈判 an expected close
 * date, 赢单 and 输单 a reason; each refusal is a problem on its cell.
 */
final class OpportunityRowReader {

    /** 阶段 names no stage; argument 1 is the text. */
    static final String UNKNOWN_STAGE = "ledger.import.unknownStage";

    private final RowCells cells;
    private final CustomerFinder customers;
    private final OwnerResolver owners;
    private final OpportunityStages stages;
    private final Actor actor;

    OpportunityRowReader(ColumnMapping mapping, CustomerFinder customers, OwnerResolver owners,
            OpportunityStages stages, Actor actor) {
        this.cells = new RowCells(mapping);
        this.customers = customers;
        this.owners = owners;
        this.stages = stages;
        this.actor = actor;
    }

    void read(ImportRow row) {
        OpportunityPlan plan = new OpportunityPlan();
        plan.exportedId = cells.id(row, CustomerLedger.ID);
        plan.exportedVersion = RowCells.exportedVersion(row);
        plan.blankColumns = cells.blankColumns(row);
        CustomerFinder.Match match = customers.find(cells.id(row, CustomerReference.ID),
                RowCells.text(row, CustomerReference.CREDIT_CODE), RowCells.text(row, CustomerReference.NAME));
        UUID customerOwner = null;
        if (match.problemKey() != null) {
            cells.problem(row, match.field(), match.text(), match.problemKey(), match.text());
        } else {
            plan.customerId = match.customer().id();
            customerOwner = match.customer().ownerId();
        }
        String stageText = RowCells.text(row, "stage");
        OpportunityStage stage = null;
        if (stageText != null) {
            stage = stages.of(stageText).orElse(null);
            if (stage == null) {
                cells.problem(row, "stage", stageText, UNKNOWN_STAGE, stageText);
            }
        }
        // Cents, as the database keeps them, so an exported amount read back equals the one on record.
        BigDecimal amount = row.values().get("amount") instanceof BigDecimal a ? a.setScale(2, RoundingMode.HALF_UP) : null;
        LocalDate closeOn = row.values().get("expectedCloseOn") instanceof LocalDate day ? day : null;
        plan.given = new OpportunityDraft(plan.customerId, RowCells.text(row, "name"), owner(row),
                stage == null ? null : stage.code(), amount, closeOn, probability(row), RowCells.text(row, "products"),
                RowCells.text(row, "closeReason"));
        plan.newDraft = plan.asNew(stages.first(), customerOwner != null ? customerOwner : actor.userId());
        if (stageText == null || stage != null) {
            for (FieldProblem p : OpportunityRules.problems(plan.newDraft, stages.code(plan.newDraft.stage()))) {
                // A missing customer is already on its cell; a missing name is the converter's "required".
                if (!p.field().equals("customerId") && !p.messageKey().equals("opportunity.name.required")) {
                    cells.problem(row, p.field(), RowCells.text(row, p.field()), p.messageKey(),
                            p.arguments().toArray());
                }
            }
        }
        row.plan(plan);
    }

    // Percent: "30" and "30%" are 30; a fraction below 1 (a percent-formatted cell, 0.3) is 30 too.
    private Integer probability(ImportRow row) {
        String text = RowCells.text(row, "probability");
        if (text == null) {
            return null;
        }
        boolean percent = text.endsWith("%") || text.endsWith("％");
        String number = percent ? text.substring(0, text.length() - 1).strip() : text;
        try {
            BigDecimal value = new BigDecimal(number);
            if (!percent && value.signum() > 0 && value.compareTo(BigDecimal.ONE) < 0) {
                value = value.movePointRight(2);
            }
            return value.setScale(0, RoundingMode.HALF_UP).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            cells.problem(row, "probability", text, Conversion.NOT_A_NUMBER, text);
            return null;
        }
    }

    private UUID owner(ImportRow row) {
        String text = RowCells.text(row, "owner");
        if (text == null) {
            return null;
        }
        OwnerResolver.Match match = owners.resolve(text);
        if (match.problemKey() != null) {
            cells.problem(row, "owner", text, match.problemKey(), text);
        }
        return match.ownerId();
    }
}
