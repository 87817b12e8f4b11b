/** Rules that watch the records over time: follow-up SLAs, the timers that fire them, notifications. */
package io.salesdesk.workflow;
