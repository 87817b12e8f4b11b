package io.salesdesk.app.leads;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.salesdesk.app.common.I18n;
import io.salesdesk.dispatch.DispatchResult;

/**
 * What dispatching the waiting leads did, in one line: "已分配 5 条线索：张伟 3 条、李娜 2 条；1 条无人可接，
 * 已通知主管".
 */
final class DispatchSummary {

    private DispatchSummary() {
    }

    static String of(List<DispatchResult> results) {
        Map<String, Long> perRep = new TreeMap<>(results.stream().filter(r -> r.assignment().assigned())
                .collect(Collectors.groupingBy(r -> r.assignment().repName(), Collectors.counting())));
        long nobody = results.stream().filter(r -> !r.assignment().assigned()).count();
        long assigned = results.size() - nobody;
        StringBuilder text = new StringBuilder();
        if (assigned > 0) {
            text.append(I18n.get("leads.dispatch.assigned", assigned, perRep.entrySet().stream()
                    .map(e -> I18n.get("leads.dispatch.perRep", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(I18n.get("leads.load.territorySeparator")))));
        }
        if (nobody > 0) {
            text.append(text.length() == 0 ? "" : I18n.get("leads.separator"))
                    .append(I18n.get("leads.dispatch.nobody", nobody));
        }
        return text.toString();
    }

    /** Whether some leads found nobody, so the notice should be a warning. */
    static boolean anyUnassigned(List<DispatchResult> results) {
        return results.stream().anyMatch(r -> !r.assignment().assigned());
    }
}
