package io.salesdesk.crm;

import java.util.UUID;

/**
 * A user's account as the team roster keeps it: who they are, where they sit, how to reach them,
 * and whether it is in use.
 *
 * @param id      id
 * @param draft   the roster fields
 * @param active  false for a deleted or deactivated account, whose login stays taken
 * @param version optimistic-lock version
 */
public record UserAccount(UUID id, UserDraft draft, boolean active, long version) {
}
