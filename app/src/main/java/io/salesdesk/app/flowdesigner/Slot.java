package io.salesdesk.app.flowdesigner;

/**
 * A place between two nodes where the designer's "+" adds one: in the flow's main line
 * ({@code forkId} null) or in one branch of a fork, before the node at {@code index}.
 *
 * @param forkId      the fork whose branch holds the place; null for the main line
 * @param branchIndex the branch within the fork; ignored for the main line
 * @param index       the position in that list of nodes (0 = first)
 */
record Slot(String forkId, int branchIndex, int index) {

    static Slot main(int index) {
        return new Slot(null, 0, index);
    }

    static Slot inBranch(String forkId, int branchIndex, int index) {
        return new Slot(forkId, branchIndex, index);
    }
}
