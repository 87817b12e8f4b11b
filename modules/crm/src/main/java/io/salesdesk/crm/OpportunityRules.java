package io.salesdesk.crm;

import io.salesdesk.core.ValidationException.FieldProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What an opportunity must have, and what it must have to enter a stage (报价 needs an amount,
 * 商务谈判 an expected close date, won and lost a reason). The form, the board and imports all
 * go through these checks, so a deal cannot reach a stage by one path that another refuses.
 * Messages name the stage in Chinese and English ({0} and {1}) for the user's language. Public
 * for the ledger import, which reports the same problems on the cells of a row.
 */
public final class OpportunityRules {

    static final int NAME_MAX = 200;
    static final int PRODUCTS_MAX = 1000;
    static final int REASON_MAX = 500;

    private OpportunityRules() {
    }

    /** Every problem of the draft for the stage it is to be in; empty when it may be saved. */
    public static List<FieldProblem> problems(OpportunityDraft d, OpportunityStage stage) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "opportunity.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "opportunity.name.tooLong", NAME_MAX));
        }
        if (d.customerId() == null) {
            problems.add(FieldProblem.of("customerId", "opportunity.customer.required"));
        }
        if (d.amount() != null && d.amount().signum() < 0) {
            problems.add(FieldProblem.of("amount", "opportunity.amount.negative"));
        }
        if (d.amount() != null && d.amount().compareTo(new BigDecimal("9999999999999999.99")) > 0) {
            problems.add(FieldProblem.of("amount", "opportunity.amount.tooLarge"));
        }
        if (d.probability() != null && (d.probability() < 0 || d.probability() > 100)) {
            problems.add(FieldProblem.of("probability", "opportunity.probability.range"));
        }
        if (d.products() != null && d.products().length() > PRODUCTS_MAX) {
            problems.add(FieldProblem.of("products", "opportunity.products.tooLong", PRODUCTS_MAX));
        }
        problems.addAll(stageProblems(d, stage));
        return problems;
    }

    /** What the deal lacks to be in {@code stage}; empty when it may enter. */
    public static List<FieldProblem> stageProblems(OpportunityDraft d, OpportunityStage stage) {
        List<FieldProblem> problems = new ArrayList<>();
        if (stage.requiresAmount() && (d.amount() == null || d.amount().signum() <= 0)) {
            problems.add(FieldProblem.of("amount", "opportunity.stage.amountRequired", stage.nameZh(), stage.nameEn()));
        }
        if (stage.requiresCloseDate() && d.expectedCloseOn() == null) {
            problems.add(FieldProblem.of("expectedCloseOn", "opportunity.stage.closeDateRequired", stage.nameZh(),
                    stage.nameEn()));
        }
        String reason = d.closeReason() == null ? "" : d.closeReason().strip();
        if (stage.closes() && reason.isEmpty()) {
            problems.add(FieldProblem.of("closeReason", "opportunity.stage.reasonRequired", stage.nameZh(),
                    stage.nameEn()));
        } else if (reason.length() > REASON_MAX) {
            problems.add(FieldProblem.of("closeReason", "opportunity.closeReason.tooLong", REASON_MAX));
        }
        return problems;
    }
}
