package io.salesdesk.territory.surge;

import java.util.List;

/**
 * A region key whose recent inquiries passed the threshold.
 *
 * @param key             a {@link MacroRegion} name ({@code EAST}) or a province code ({@code 310000})
 * @param recent          inquiries in the recent window
 * @param baseline        mean inquiries of the baseline windows
 * @param ratio           recent over baseline; null when the baseline is zero (new demand)
 * @param busiestProvinces the key's province codes, most recent inquiries first (whose head to tell)
 */
public record Surge(String key, int recent, double baseline, Double ratio, List<String> busiestProvinces) {

    public Surge {
        busiestProvinces = List.copyOf(busiestProvinces);
    }

    /** Whether the key is a macro-region rather than a province. */
    public boolean macro() {
        return MacroRegion.byKey(key).isPresent();
    }

    /** The macro-region the key is or lies in. */
    public MacroRegion macroRegion() {
        return MacroRegion.byKey(key).orElseGet(() -> MacroRegion.of(key).orElseThrow());
    }

    /** The province codes the key covers. */
    public List<String> provinceCodes() {
        return macro() ? macroRegion().provinceCodes() : List.of(key);
    }
}
