package io.salesdesk.dispatch;

import java.util.List;
import java.util.UUID;

/**
 * A rep's row in the load view.
 *
 * @param territoryNames the places they sell in, by name
 * @param loadIndex      weighted open work over monthly capacity; 1.0 is full
 */
public record RepLoad(UUID userId, String name, List<String> territoryNames, int monthlyCapacity, int openLeads,
                      int overdueFollowUps, int openTasks, boolean away, double loadIndex) {
}
