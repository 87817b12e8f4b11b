package io.salesdesk.commerce.contract;

import io.salesdesk.commerce.collection.CollectionPlan;
import io.salesdesk.core.ValidationException.FieldProblem;
import io.salesdesk.db.Rows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The checks a contract draft and its payment terms pass before anything is written. */
final class ContractRules {

    static final int TITLE_MAX = 200;
    static final int PARTY_MAX = 200;
    static final int TERMS_MAX = 4000;
    static final int REASON_MAX = 500;
    private static final BigDecimal HUNDRED = new BigDecimal("100.00");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999999.99");

    private ContractRules() {
    }

    /** The problems of a draft whose customer, owner and parties are already resolved. */
    static List<FieldProblem> problems(ContractDraft d, List<PaymentTerm> terms) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = Rows.blankToNull(d.title());
        if (title == null) {
            problems.add(FieldProblem.of("title", "contract.title.required"));
        } else if (title.length() > TITLE_MAX) {
            problems.add(FieldProblem.of("title", "contract.title.tooLong", TITLE_MAX));
        }
        if (d.customerId() == null) {
            problems.add(FieldProblem.of("customerId", "contract.customer.required"));
        }
        checkParty(problems, "ourParty", d.ourParty());
        checkParty(problems, "theirParty", d.theirParty());
        if (d.terms() != null && d.terms().length() > TERMS_MAX) {
            problems.add(FieldProblem.of("terms", "contract.terms.tooLong", TERMS_MAX));
        }
        boolean amountOk = false;
        if (d.amount() == null) {
            problems.add(FieldProblem.of("amount", "contract.amount.required"));
        } else if (d.amount().signum() <= 0) {
            problems.add(FieldProblem.of("amount", "contract.amount.notPositive", d.amount().toPlainString()));
        } else if (d.amount().stripTrailingZeros().scale() > 2 || d.amount().compareTo(MAX_AMOUNT) > 0) {
            problems.add(FieldProblem.of("amount", "contract.amount.invalid", d.amount().toPlainString()));
        } else {
            amountOk = true;
        }
        List<FieldProblem> termProblems = termProblems(terms);
        problems.addAll(termProblems);
        if (amountOk && termProblems.isEmpty()
                && !CollectionPlan.splits(d.amount().setScale(2, RoundingMode.UNNECESSARY), terms)) {
            problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.amountTooSmall",
                    d.amount().toPlainString(), terms.size()));
        }
        return problems;
    }

    /** Each share more than 0 and at most 100 with two decimals, due days not negative, shares adding up to 100. */
    static List<FieldProblem> termProblems(List<PaymentTerm> terms) {
        List<FieldProblem> problems = new ArrayList<>();
        if (terms.isEmpty()) {
            problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.required"));
            return problems;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < terms.size(); i++) {
            PaymentTerm t = terms.get(i);
            int line = i + 1;
            if (t.milestone() == null) {
                problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.milestoneRequired", line));
            }
            if (t.sharePct() == null || t.sharePct().signum() <= 0 || t.sharePct().compareTo(HUNDRED) > 0
                    || t.sharePct().stripTrailingZeros().scale() > 2) {
                problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.shareInvalid", line,
                        t.sharePct() == null ? "" : t.sharePct().toPlainString()));
            } else {
                sum = sum.add(t.sharePct());
            }
            if (t.dueDays() < 0) {
                problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.dueDaysNegative", line));
            }
        }
        if (problems.isEmpty() && sum.compareTo(HUNDRED) != 0) {
            problems.add(FieldProblem.of("paymentTerms", "contract.paymentTerms.sharesNot100",
                    sum.stripTrailingZeros().toPlainString()));
        }
        return problems;
    }

    /** The terms with shares at two decimals, as the database keeps them. */
    static List<PaymentTerm> normalised(List<PaymentTerm> terms) {
        return terms.stream().map(t -> new PaymentTerm(t.milestone(), t.sharePct().setScale(2, RoundingMode.UNNECESSARY),
                t.dueDays())).toList();
    }

    private static void checkParty(List<FieldProblem> problems, String field, String party) {
        String text = Rows.blankToNull(party);
        if (text == null) {
            problems.add(FieldProblem.of(field, "contract.party.required"));
        } else if (text.length() > PARTY_MAX) {
            problems.add(FieldProblem.of(field, "contract.party.tooLong", PARTY_MAX));
        }
    }
}
