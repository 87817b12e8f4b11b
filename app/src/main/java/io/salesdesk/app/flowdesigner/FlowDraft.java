package io.salesdesk.app.flowdesigner;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import io.salesdesk.workflow.approval.flow.ApprovalStep;
import io.salesdesk.workflow.approval.flow.Approvers;
import io.salesdesk.workflow.approval.flow.Branch;
import io.salesdesk.workflow.approval.flow.Branches;
import io.salesdesk.workflow.approval.flow.FlowDefinition;
import io.salesdesk.workflow.approval.flow.FlowNode;
import io.salesdesk.workflow.approval.flow.SignMode;
import io.salesdesk.workflow.approval.flow.StepTimeout;

/**
 * The flow being edited in the designer: the definition as it stands and the edits a user makes
 * to it — add a step or a fork at a place, remove or move a node, add or remove a branch, change a
 * node or a branch. Definitions are immutable records, so every edit builds the new tree and
 * listeners redraw. Free of JavaFX: the model is tested with plain JUnit.
 */
final class FlowDraft {

    private FlowDefinition definition;
    private String name;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    FlowDraft(String name, FlowDefinition definition) {
        this.name = name;
        this.definition = definition;
    }

    /** A flow for a trigger that has none yet: the submitter's manager signs. */
    static FlowDraft fresh(String name, String stepName) {
        ApprovalStep first = new ApprovalStep("step1", stepName, Approvers.manager(1), SignMode.ANY, null);
        return new FlowDraft(name, new FlowDefinition(List.of(first), true, false, true));
    }

    FlowDefinition definition() {
        return definition;
    }

    String name() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    /** Called after every edit of the definition. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

    // ------------------------------------------------------------------ reading

    /** The node with this id anywhere in the flow. */
    Optional<FlowNode> find(String id) {
        return find(definition.nodes(), id);
    }

    private static Optional<FlowNode> find(List<FlowNode> nodes, String id) {
        for (FlowNode node : nodes) {
            if (node.id().equals(id)) {
                return Optional.of(node);
            }
            if (node instanceof Branches fork) {
                for (Branch branch : fork.branches()) {
                    Optional<FlowNode> inside = find(branch.nodes(), id);
                    if (inside.isPresent()) {
                        return inside;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The fork's branch at {@code index}. */
    Optional<Branch> branch(String forkId, int index) {
        return find(forkId).filter(Branches.class::isInstance).map(Branches.class::cast)
                .filter(f -> index >= 0 && index < f.branches().size()).map(f -> f.branches().get(index));
    }

    /** Every id in use, for making new ones. */
    Set<String> ids() {
        Set<String> ids = new HashSet<>();
        collectIds(definition.nodes(), ids);
        return ids;
    }

    private static void collectIds(List<FlowNode> nodes, Set<String> into) {
        for (FlowNode node : nodes) {
            into.add(node.id());
            if (node instanceof Branches fork) {
                fork.branches().forEach(b -> collectIds(b.nodes(), into));
            }
        }
    }

    /** An id not in use yet: {@code step3}, {@code fork2}. */
    String newId(String prefix) {
        Set<String> used = ids();
        for (int i = 1; ; i++) {
            if (!used.contains(prefix + i)) {
                return prefix + i;
            }
        }
    }

    // ------------------------------------------------------------------ adding

    /** Adds a step signed by the submitter's manager; returns it. */
    ApprovalStep addStep(Slot slot, String stepName) {
        ApprovalStep step = new ApprovalStep(newId("step"), stepName, Approvers.manager(1), SignMode.ANY,
                StepTimeout.remindAfter(24));
        insert(slot, step);
        return step;
    }

    /**
     * Adds a condition fork (条件分支): a branch with a condition still to set, and the "otherwise"
     * branch last; or a parallel fork (并行分支) of two branches. Returns it.
     */
    Branches addFork(Slot slot, boolean exclusive, String firstName, String secondName) {
        Branches fork = new Branches(newId(exclusive ? "condition" : "parallel"), exclusive,
                List.of(new Branch(firstName, null, List.of()), new Branch(secondName, null, List.of())));
        insert(slot, fork);
        return fork;
    }

    void insert(Slot slot, FlowNode node) {
        UnaryOperator<List<FlowNode>> put = nodes -> {
            List<FlowNode> changed = new ArrayList<>(nodes);
            changed.add(Math.max(0, Math.min(slot.index(), changed.size())), node);
            return changed;
        };
        if (slot.forkId() == null) {
            commit(put.apply(definition.nodes()));
        } else {
            editFork(slot.forkId(), fork -> withBranch(fork, slot.branchIndex(),
                    b -> new Branch(b.name(), b.condition(), put.apply(b.nodes()))));
        }
    }

    /**
     * Adds a branch to a fork: before the "otherwise" branch of a condition fork (which stays
     * last), at the end of a parallel one. Returns its index.
     */
    int addBranch(String forkId, String branchName) {
        int[] at = new int[1];
        editFork(forkId, fork -> {
            List<Branch> branches = new ArrayList<>(fork.branches());
            int index = branches.size();
            if (fork.exclusive() && !branches.isEmpty() && branches.get(index - 1).condition() == null) {
                index--;
            }
            branches.add(index, new Branch(branchName, null, List.of()));
            at[0] = index;
            return new Branches(fork.id(), fork.exclusive(), branches);
        });
        return at[0];
    }

    // ------------------------------------------------------------------ changing

    /** Replaces the node with the same id. */
    void replace(FlowNode node) {
        commit(transform(definition.nodes(), n -> n.id().equals(node.id()) ? List.of(node) : null));
    }

    void replaceBranch(String forkId, int index, Branch branch) {
        editFork(forkId, fork -> withBranch(fork, index, b -> branch));
    }

    /** Removes a node (with everything inside it). */
    void remove(String id) {
        commit(transform(definition.nodes(), n -> n.id().equals(id) ? List.of() : null));
    }

    /** Removes a branch; a fork left without branches goes too. */
    void removeBranch(String forkId, int index) {
        commit(transform(definition.nodes(), n -> {
            if (!(n instanceof Branches fork) || !fork.id().equals(forkId)) {
                return null;
            }
            List<Branch> branches = new ArrayList<>(fork.branches());
            if (index >= 0 && index < branches.size()) {
                branches.remove(index);
            }
            return branches.isEmpty() ? List.of() : List.of(new Branches(fork.id(), fork.exclusive(), branches));
        }));
    }

    /** Moves a node one place up ({@code -1}) or down ({@code +1}) within its list; false at an end. */
    boolean move(String id, int by) {
        boolean[] moved = new boolean[1];
        List<FlowNode> nodes = moveIn(definition.nodes(), id, by, moved);
        if (moved[0]) {
            commit(nodes);
        }
        return moved[0];
    }

    private static List<FlowNode> moveIn(List<FlowNode> nodes, String id, int by, boolean[] moved) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                int to = i + by;
                if (to < 0 || to >= nodes.size()) {
                    return nodes;
                }
                List<FlowNode> changed = new ArrayList<>(nodes);
                changed.add(to, changed.remove(i));
                moved[0] = true;
                return changed;
            }
        }
        List<FlowNode> changed = new ArrayList<>(nodes.size());
        for (FlowNode node : nodes) {
            if (node instanceof Branches fork && !moved[0]) {
                List<Branch> branches = new ArrayList<>();
                for (Branch b : fork.branches()) {
                    branches.add(moved[0] ? b : new Branch(b.name(), b.condition(), moveIn(b.nodes(), id, by, moved)));
                }
                changed.add(new Branches(fork.id(), fork.exclusive(), branches));
            } else {
                changed.add(node);
            }
        }
        return changed;
    }

    /** Moves a branch one place left or right within its fork (its priority for a condition fork). */
    boolean moveBranch(String forkId, int index, int by) {
        boolean[] moved = new boolean[1];
        editFork(forkId, fork -> {
            int to = index + by;
            if (to < 0 || to >= fork.branches().size()) {
                return fork;
            }
            List<Branch> branches = new ArrayList<>(fork.branches());
            branches.add(to, branches.remove(index));
            moved[0] = true;
            return new Branches(fork.id(), fork.exclusive(), branches);
        });
        return moved[0];
    }

    void setOptions(boolean skipSubmitter, boolean skipRepeated, boolean lockRecord) {
        definition = new FlowDefinition(definition.nodes(), skipSubmitter, skipRepeated, lockRecord);
        listeners.forEach(Runnable::run);
    }

    // ------------------------------------------------------------------ plumbing

    private void editFork(String forkId, UnaryOperator<Branches> edit) {
        commit(transform(definition.nodes(),
                n -> n instanceof Branches fork && fork.id().equals(forkId) ? List.of(edit.apply(fork)) : null));
    }

    private static Branches withBranch(Branches fork, int index, UnaryOperator<Branch> edit) {
        List<Branch> branches = new ArrayList<>(fork.branches());
        branches.set(index, edit.apply(branches.get(index)));
        return new Branches(fork.id(), fork.exclusive(), branches);
    }

    /**
     * Rebuilds the tree: {@code change} gives a node's replacement (an empty list drops it), or null
     * to keep it and look inside.
     */
    private static List<FlowNode> transform(List<FlowNode> nodes, Function<FlowNode, List<FlowNode>> change) {
        List<FlowNode> result = new ArrayList<>(nodes.size());
        for (FlowNode node : nodes) {
            List<FlowNode> replaced = change.apply(node);
            if (replaced != null) {
                result.addAll(replaced);
            } else if (node instanceof Branches fork) {
                result.add(new Branches(fork.id(), fork.exclusive(), fork.branches().stream()
                        .map(b -> new Branch(b.name(), b.condition(), transform(b.nodes(), change))).toList()));
            } else {
                result.add(node);
            }
        }
        return result;
    }

    private void commit(List<FlowNode> nodes) {
        definition = new FlowDefinition(nodes, definition.skipSubmitter(), definition.skipRepeated(),
                definition.lockRecord());
        listeners.forEach(Runnable::run);
    }
}
