/**
 * The dashboard composer's layouts: which widgets (KPI tiles, charts) the overview shows and in which
 * order, per user or as the team's default.
 */
package io.salesdesk.studio.dashboard;
