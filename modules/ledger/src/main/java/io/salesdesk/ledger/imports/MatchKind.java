package io.salesdesk.ledger.imports;

/** Why a row was taken for a duplicate, strongest reason first. */
public enum MatchKind {
    /** The hidden id column of an exported ledger. */
    ID,
    /** The same 统一社会信用代码. */
    CREDIT_CODE,
    /** The same name once spacing, brackets and width are normalised. */
    NAME,
    /** The same phone number. */
    PHONE,
    /** The same login (登录名) of a team member. */
    LOGIN
}
