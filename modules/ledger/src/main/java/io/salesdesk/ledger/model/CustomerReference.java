package io.salesdesk.ledger.model;

import java.util.List;

/**
 * The columns by which a ledger of things that belong to a customer (contacts, follow-ups) says
 * whose they are: the customer's name, its credit code, or the hidden customer id of an export.
 */
public final class CustomerReference {

    /** Key of the customer name column. */
    public static final String NAME = "customer";
    /** Key of the customer credit code column. */
    public static final String CREDIT_CODE = "customerCreditCode";
    /** Key of the hidden customer id column of exported ledgers. */
    public static final String ID = "customerId";

    private CustomerReference() {
    }

    /** The three fields, the name required. */
    static List<LedgerField> fields() {
        return List.of(
                LedgerField.of(NAME, "客户名称", "Customer name", FieldType.TEXT, true,
                        "客户", "公司名称", "单位名称", "企业名称", "客户全称", "所属客户", "Customer", "Company", "Account"),
                LedgerField.of(CREDIT_CODE, "统一社会信用代码", "Credit code", FieldType.CREDIT_CODE, false,
                        "信用代码", "社会信用代码", "税号", "纳税人识别号", "USCC", "Tax ID"),
                // Distinctive name: ledgers have "客户编号" columns of their own.
                LedgerField.of(ID, "SalesDesk 客户ID", "SalesDesk customer ID", FieldType.TEXT, false));
    }

    /** The hidden id and version columns of an exported ledger, named as the customer ledger names them. */
    static List<LedgerField> exportColumns() {
        return List.of(CustomerLedger.ENTITY.field(CustomerLedger.ID).orElseThrow(),
                CustomerLedger.ENTITY.field(CustomerLedger.VERSION).orElseThrow());
    }
}
