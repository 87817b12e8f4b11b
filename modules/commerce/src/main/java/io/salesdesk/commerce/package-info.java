/**
 * Sales, stock and finance in one flow: the catalogue and stock by warehouse, the stock check an
 * opportunity gets with the order freeze a shortage causes, quotes, contracts, invoices,
 * collections (回款) and the cost of every deal.
 */
package io.salesdesk.commerce;
