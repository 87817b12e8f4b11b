/**
 * Customers as an importable and exportable entity: resolving owners and regions, the CRM's
 * validation rules, duplicate detection, writing through {@code CustomerRepository}, undo and export.
 */
package io.salesdesk.ledger.crm;
