package io.salesdesk.board;

/**
 * Which items a board shows, on top of what the viewer may see. Every part is optional.
 *
 * @param mineOnly     only the viewer's own items (a rep's own task board)
 * @param regionPrefix only customers whose region code starts with this, e.g. {@code 33} for 浙江
 * @param products     only deals whose products mention this (one pipeline per product line)
 * @param tier         only customers of this tier, {@code A}–{@code D}
 */
public record BoardFilter(boolean mineOnly, String regionPrefix, String products, String tier) {

    public static final BoardFilter NONE = new BoardFilter(false, null, null, null);
}
