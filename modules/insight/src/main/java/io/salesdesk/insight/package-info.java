/**
 * Insight, free of JavaFX: KPIs computed in SQL with period comparison and drill-down to the
 * records behind each figure, funnels whose nodes are measurable behaviours with thresholds that
 * raise coaching prompts, tier action rules with completion and bonus coefficients, forecasts
 * whose own accuracy is measured, and the daily report.
 */
package io.salesdesk.insight;
