package io.salesdesk.crm;

/** Customer tier: A customers get the most attention (e.g. two technical demos a month). */
public enum Tier {
    A, B, C, D
}
