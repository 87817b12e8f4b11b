package io.salesdesk.core;

import java.util.List;

/**
 * Input that was refused, with one problem per field so a form can show each at its field.
 */
public class ValidationException extends SalesDeskException {

    private final transient List<FieldProblem> problems;

    public ValidationException(List<FieldProblem> problems) {
        super("error.validation", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * One refused field.
     *
     * @param field     the field's name as the domain record spells it
     * @param messageKey the bundle key of the reason
     * @param arguments arguments for the message
     */
    public record FieldProblem(String field, String messageKey, List<Object> arguments) {

        public static FieldProblem of(String field, String messageKey, Object... arguments) {
            return new FieldProblem(field, messageKey, List.of(arguments));
        }
    }
}
