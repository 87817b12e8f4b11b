package io.salesdesk.territory.address;

/**
 * A region as the parser sees it: its real parent (the placeholder levels 市辖区, 县 and
 * 省直辖县级行政区划 skipped) and its full display name.
 */
final class Place {

    final String code;
    final String name;
    final String level;
    /** 1 province, 2 city, 3 county. */
    final int depth;
    final String fullName;
    Place parent;

    Place(String code, String name, String level, int depth, String fullName) {
        this.code = code;
        this.name = name;
        this.level = level;
        this.depth = depth;
        this.fullName = fullName;
    }

    /** Whether {@code other} lies strictly above this place. */
    boolean below(Place other) {
        for (Place p = parent; p != null; p = p.parent) {
            if (p == other) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return name + "(" + code + ")";
    }
}
