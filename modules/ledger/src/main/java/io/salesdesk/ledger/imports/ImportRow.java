package io.salesdesk.ledger.imports;

import io.salesdesk.ledger.convert.CellProblem;
import io.salesdesk.ledger.convert.ConvertedRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One data row on its way into SalesDesk: its converted values, its problems, the duplicate it
 * matches and the decision for it. The decision may be changed per row before commit.
 */
public final class ImportRow {

    private final int rowNumber;
    private final Map<String, Object> values;
    private final List<CellProblem> problems;
    private RowMatch match;
    private DuplicateDecision decision;
    private boolean conflict;
    private Object plan;

    /** A row as the converter left it, with the default decision for duplicates. */
    public ImportRow(ConvertedRow converted, DuplicateDecision defaultDecision) {
        this.rowNumber = converted.rowNumber();
        this.values = converted.values();
        this.problems = new ArrayList<>(converted.problems());
        this.decision = defaultDecision;
    }

    /** 1-based row number as Excel shows it. */
    public int rowNumber() {
        return rowNumber;
    }

    /** Field key to converted value; blank cells and cells with problems are absent. */
    public Map<String, Object> values() {
        return values;
    }

    /** The problems of this row, in the order they were found. */
    public List<CellProblem> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** Adds a problem found after conversion (unknown owner, refused by the validation rules...). */
    public void addProblem(CellProblem problem) {
        problems.add(problem);
    }

    /** The duplicate this row matches, or {@code null}. */
    public RowMatch match() {
        return match;
    }

    /** Records the duplicate this row matches. */
    public void matched(RowMatch newMatch) {
        this.match = newMatch;
    }

    /** The decision for this row if it is a duplicate. */
    public DuplicateDecision decision() {
        return decision;
    }

    /** Changes the decision for this row (the wizard's per-row choice). */
    public void decide(DuplicateDecision newDecision) {
        this.decision = newDecision;
    }

    /** What the {@link ImportTarget} prepared to write for this row (its own type), or {@code null}. */
    public Object plan() {
        return plan;
    }

    /** Keeps what the {@link ImportTarget} prepared to write for this row. */
    public void plan(Object newPlan) {
        this.plan = newPlan;
    }

    /** Marks the row as changed in SalesDesk since export: it is reported, not written. */
    public void markConflict() {
        this.conflict = true;
    }

    /** What committing will do with this row. */
    public RowAction action() {
        if (!problems.isEmpty()) {
            return RowAction.INVALID;
        }
        if (conflict) {
            return RowAction.CONFLICT;
        }
        if (match == null) {
            return RowAction.CREATE;
        }
        switch (decision) {
            case SKIP:
                return RowAction.SKIP;
            case UPDATE:
                return RowAction.UPDATE;
            default:
                return RowAction.CREATE;
        }
    }
}
