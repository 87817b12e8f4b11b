/**
 * The import pipeline shared by the command line and the UI wizard: read → find the header → map
 * columns → convert and validate → dedupe → preview → commit in one transaction; plus the import
 * history, undo, saved mappings and the SPI ({@link io.salesdesk.ledger.imports.ImportTarget}) through
 * which each module makes its records importable.
 */
package io.salesdesk.ledger.imports;
