package io.salesdesk.ledger.crm;

import io.salesdesk.crm.OpportunityStage;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's stages as ledgers name them: by Chinese name (报价), English name (Quote) or code
 * (QUOTE), ignoring case, spacing and full-width letters.
 */
final class OpportunityStages {

    private final List<OpportunityStage> stages;
    private final Map<String, OpportunityStage> byWord = new HashMap<>();

    OpportunityStages(List<OpportunityStage> stages) {
        this.stages = List.copyOf(stages);
        for (OpportunityStage s : stages) {
            byWord.putIfAbsent(word(s.code()), s);
            byWord.putIfAbsent(word(s.nameZh()), s);
            byWord.putIfAbsent(word(s.nameEn()), s);
        }
    }

    /** The stage a cell names, if any. */
    Optional<OpportunityStage> of(String text) {
        return Optional.ofNullable(byWord.get(word(text)));
    }

    /** The stage with this code. */
    OpportunityStage code(String code) {
        return stages.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    /** Where a new deal starts when the ledger does not say: the first stage of the funnel. */
    OpportunityStage first() {
        return stages.get(0);
    }

    /** The Chinese names in funnel order, for the export's drop-down. */
    String[] labels() {
        return stages.stream().map(OpportunityStage::nameZh).toArray(String[]::new);
    }

    private static String word(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s_]+", "").toLowerCase(Locale.ROOT);
    }
}
