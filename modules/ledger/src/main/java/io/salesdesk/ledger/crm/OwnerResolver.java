package io.salesdesk.ledger.crm;

import io.salesdesk.core.MatchText;
import io.salesdesk.crm.User;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the owner (负责人) a ledger names, by login or display name, among the users the importing
 * person may assign customers to. A display name two users share is ambiguous; the login then decides.
 */
public final class OwnerResolver {

    /** The owner is not among the assignable users. */
    public static final String UNKNOWN = "ledger.import.unknownOwner";
    /** Two assignable users have this name. */
    public static final String AMBIGUOUS = "ledger.import.ambiguousOwner";

    private final Map<String, UUID> byUsername = new HashMap<>();
    private final Map<String, List<UUID>> byDisplayName = new HashMap<>();

    /**
     * An owner lookup.
     *
     * @param assignable the users the importing person may assign customers to
     */
    public OwnerResolver(List<User> assignable) {
        for (User user : assignable) {
            byUsername.put(key(user.username()), user.id());
            byDisplayName.computeIfAbsent(key(user.displayName()), k -> new ArrayList<>()).add(user.id());
        }
    }

    /**
     * The owner's id.
     *
     * @param text the 负责人 cell
     * @return the match: an id, or the key of the problem
     */
    public Match resolve(String text) {
        String key = key(text);
        UUID byLogin = byUsername.get(key);
        if (byLogin != null) {
            return new Match(byLogin, null);
        }
        List<UUID> named = byDisplayName.getOrDefault(key, List.of());
        if (named.size() == 1) {
            return new Match(named.get(0), null);
        }
        return new Match(null, named.isEmpty() ? UNKNOWN : AMBIGUOUS);
    }

    private static String key(String text) {
        return text == null ? "" : MatchText.key(text);
    }

    /**
     * The outcome of a lookup.
     *
     * @param ownerId    the owner, or {@code null}
     * @param problemKey why none was found, or {@code null}
     */
    public record Match(UUID ownerId, String problemKey) {
    }
}
