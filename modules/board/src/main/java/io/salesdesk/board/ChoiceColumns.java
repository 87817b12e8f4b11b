package io.salesdesk.board;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a single-choice custom field gives a board: one per choice, in the field's order, and
 * a last one for items without a value, so no item drops off the board.
 */
final class ChoiceColumns {

    /** Key of the column of items without a value. */
    static final String NONE = "_none";
    /** Colours for choices in turn; the field has no colours of its own. */
    private static final String[] PALETTE = {"#0969DA", "#8250DF", "#BF8700", "#1A7F37", "#CF222E", "#1B7C83",
        "#BC4C00", "#6E7781"};

    private ChoiceColumns() {
    }

    static List<ColumnValue> values(CustomCardField field) {
        List<ColumnValue> values = new ArrayList<>();
        for (int i = 0; i < field.choices().size(); i++) {
            String choice = field.choices().get(i);
            values.add(new ColumnValue(choice, choice, choice, PALETTE[i % PALETTE.length], false));
        }
        values.add(new ColumnValue(NONE, "未填写", "Not set", "#8C959F", false));
        return values;
    }

    /** The column of an item whose value is {@code value}; a retired choice counts as none. */
    static String columnOf(String value, CustomCardField field) {
        return value != null && field.choices().contains(value) ? value : NONE;
    }
}
