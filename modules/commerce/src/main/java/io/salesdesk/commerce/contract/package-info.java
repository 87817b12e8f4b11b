/**
 * Contracts (合同): created from a won deal, from a quote or directly; numbered per year; payment
 * terms as milestones; DRAFT → IN_APPROVAL → SIGNED → EXECUTING → CLOSED or VOID; attachments as
 * files in the workspace.
 */
package io.salesdesk.commerce.contract;
