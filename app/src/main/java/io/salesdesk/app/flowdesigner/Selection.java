package io.salesdesk.app.flowdesigner;

/**
 * What the designer has selected: a node (a step or a fork) by id, or one branch of a fork.
 *
 * @param nodeId      the node, or the fork of the branch
 * @param branchIndex the branch within the fork; -1 when a node is selected
 */
record Selection(String nodeId, int branchIndex) {

    static Selection node(String id) {
        return new Selection(id, -1);
    }

    static Selection branch(String forkId, int index) {
        return new Selection(forkId, index);
    }

    boolean isBranch() {
        return branchIndex >= 0;
    }
}
