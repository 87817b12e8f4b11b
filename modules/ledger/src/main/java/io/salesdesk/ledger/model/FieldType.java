package io.salesdesk.ledger.model;

/** What kind of value a ledger column holds, which decides how its cells are converted. */
public enum FieldType {
    /** Free text, trimmed. */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** A decimal number; a unit in the header (万元) scales it. */
    DECIMAL,
    /** An amount of money in yuan: "￥1,234.50", "12.5万", "(1,234)"; a unit in the header scales it. */
    MONEY,
    /** A calendar date. */
    DATE,
    /** A date with a time of day. */
    DATETIME,
    /** Yes or no: 是/否, Y/N, √. */
    BOOLEAN,
    /** A Chinese mobile, landline or 400/800 number. */
    PHONE,
    /** 统一社会信用代码. */
    CREDIT_CODE,
    /** An e-mail address. */
    EMAIL,
    /** One of a fixed list of values, given by value or label. */
    ENUM,
    /** A province, city or district name, resolved against region data later. */
    REGION,
    /** A SalesDesk user (负责人), by name or login, resolved later. */
    USER_REF
}
