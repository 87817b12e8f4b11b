package io.salesdesk.territory.geo;

/** The levels of the bundled boundary shapes. */
public enum BoundaryLevel {
    /** The national outline. */
    COUNTRY,
    /** Provinces, autonomous regions and municipalities (省级). */
    PROVINCE,
    /** Prefecture-level cities (地级); municipalities appear here too with their province code. */
    CITY
}
