package io.salesdesk.ledger.read;

/** Whether Excel shows a sheet's tab. */
public enum SheetVisibility {
    /** An ordinary tab. */
    VISIBLE,
    /** Hidden by the user; "取消隐藏" shows it again. */
    HIDDEN,
    /** Hidden by a macro or tool; not offered in Excel's "取消隐藏" list. */
    VERY_HIDDEN
}
