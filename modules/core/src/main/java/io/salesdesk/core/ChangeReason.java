package io.salesdesk.core;

/**
 * Why a business row changed, written into the audit trail beside who and when.
 *
 * @param kind   user edit, import batch, rule, approval, demo data, sync
 * @param detail e.g. the import batch id or rule name; may be empty
 */
public record ChangeReason(Kind kind, String detail) {

    /** The sources of a change. */
    public enum Kind {
        USER, IMPORT, RULE, APPROVAL, DEMO, SYNC, SYSTEM
    }

    public static ChangeReason user() {
        return new ChangeReason(Kind.USER, "");
    }

    public static ChangeReason of(Kind kind, String detail) {
        return new ChangeReason(kind, detail == null ? "" : detail);
    }
}
