package io.salesdesk.crm;

import io.salesdesk.db.Rows;
import io.salesdesk.core.CreditCode;
import io.salesdesk.core.PhoneNumber;
import io.salesdesk.core.ValidationException;
import io.salesdesk.core.ValidationException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks and normalises what a user typed for a customer or contact, reporting every problem at
 * its field at once rather than the first one only.
 */
final class CustomerValidator {

    static final int NAME_MAX = 200;
    static final int NOTE_MAX = 4000;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private CustomerValidator() {
    }

    /** The draft with credit code and phone normalised, or a ValidationException listing each problem. */
    static CustomerDraft customer(CustomerDraft d, Predicate<String> regionExists) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "customer.name.required"));
        } else if (name.length() > NAME_MAX) {
            problems.add(FieldProblem.of("name", "customer.name.tooLong", NAME_MAX));
        }
        String creditCode = null;
        if (d.creditCode() != null && !d.creditCode().isBlank()) {
            creditCode = CreditCode.normalise(d.creditCode());
            switch (CreditCode.problemOf(creditCode)) {
                case WRONG_LENGTH -> problems.add(FieldProblem.of("creditCode", "customer.creditCode.wrongLength", creditCode));
                case INVALID_CHARACTER -> problems.add(FieldProblem.of("creditCode", "customer.creditCode.invalidCharacter", creditCode));
                case WRONG_CHECK_DIGIT -> problems.add(FieldProblem.of("creditCode", "customer.creditCode.wrongCheckDigit", creditCode));
                case NONE -> { }
            }
        }
        String phone = null;
        if (d.phone() != null && !d.phone().isBlank()) {
            Optional<String> normalised = PhoneNumber.normalise(d.phone());
            if (normalised.isEmpty()) {
                problems.add(FieldProblem.of("phone", "customer.phone.invalid", d.phone().strip()));
            } else {
                phone = normalised.get();
            }
        }
        if (d.tier() == null) {
            problems.add(FieldProblem.of("tier", "customer.tier.required"));
        }
        String region = Rows.blankToNull(d.regionCode());
        if (region != null && !regionExists.test(region)) {
            problems.add(FieldProblem.of("regionCode", "customer.region.unknown", region));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new CustomerDraft(name, creditCode, d.tier(), Rows.blankToNull(d.industry()), region,
                Rows.blankToNull(d.address()), phone, d.ownerId());
    }

    /** The contact draft with phones normalised, or a ValidationException. */
    static ContactDraft contact(ContactDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "contact.name.required"));
        }
        String mobile = phone(d.mobile(), "mobile", "contact.mobile.invalid", problems);
        String phone = phone(d.phone(), "phone", "contact.phone.invalid", problems);
        String email = Rows.blankToNull(d.email());
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(FieldProblem.of("email", "contact.email.invalid", email));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new ContactDraft(name, Rows.blankToNull(d.title()), mobile, phone,
                email == null ? null : email.toLowerCase(Locale.ROOT), Rows.blankToNull(d.wechat()), d.primary(),
                Rows.blankToNull(d.notes()));
    }

    /** A follow-up draft that has what the timeline needs. */
    static void activity(ActivityDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.kind() == null) {
            problems.add(FieldProblem.of("kind", "activity.kind.required"));
        }
        if (d.note() != null && d.note().length() > NOTE_MAX) {
            problems.add(FieldProblem.of("note", "activity.note.tooLong", NOTE_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static String phone(String raw, String field, String key, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Optional<String> normalised = PhoneNumber.normalise(raw);
        if (normalised.isEmpty()) {
            problems.add(FieldProblem.of(field, key, raw.strip()));
            return null;
        }
        return normalised.get();
    }
}
