package io.salesdesk.sync;

/**
 * What one sync did.
 *
 * @param pushed    local changes pushed to the hub
 * @param pulled    hub rows read back (pulled, or answered to a push), and rows taken off because they
 *                  left the replica's subtree
 * @param conflicts conflicts the hub recorded for this replica's changes
 */
public record SyncReport(int pushed, int pulled, int conflicts) {
}
