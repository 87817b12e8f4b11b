package io.salesdesk.crm;

import java.util.UUID;

/**
 * A node of the org tree: the company, a sales region, a branch or team.
 *
 * @param id         id
 * @param parentId   parent unit, null for the company
 * @param name       name, e.g. 华东大区
 * @param kind       company, region or team
 * @param path       materialised path, e.g. {@code /<company id>/<region id>/}; a subtree shares a prefix
 * @param regionCode the GB/T 2260 area it covers, may be null
 */
public record OrgUnit(UUID id, UUID parentId, String name, Kind kind, String path, String regionCode) {

    /** Levels of the org tree. */
    public enum Kind {
        COMPANY, REGION, TEAM
    }

    /** The path of a child unit with the given id. */
    public String childPath(UUID childId) {
        return path + childId + "/";
    }

    /** The path of a root unit with the given id. */
    public static String rootPath(UUID id) {
        return "/" + id + "/";
    }
}
