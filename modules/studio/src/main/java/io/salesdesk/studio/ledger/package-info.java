/**
 * The Studio's custom fields in Excel ledgers: a column per custom field in the import mapping and in
 * exported ledgers, checked per cell, written in the import's transaction and taken back by its undo.
 */
package io.salesdesk.studio.ledger;
