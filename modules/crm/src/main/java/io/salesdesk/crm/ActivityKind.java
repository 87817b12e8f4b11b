package io.salesdesk.crm;

/** The kinds of follow-up a rep records (跟进方式). */
public enum ActivityKind {
    CALL, VISIT, MEETING, DEMO, NOTE
}
