package io.salesdesk.insight.tier;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The bonus coefficient as a piecewise function of completion, e.g. below 60 % → 0.8, 60–90 % →
 * 1.0, from 90 % → 1.2. Stored as data (bonus bands) and edited in the tier rules view.
 */
public record BonusFormula(List<BonusBand> bands) {

    public BonusFormula {
        bands = bands.stream().sorted(Comparator.comparingInt(BonusBand::lowerPercent)).toList();
    }

    /** The coefficient for a completion ratio (0–1 and above); empty when there is no ratio. */
    public Optional<BigDecimal> coefficient(OptionalDouble ratio) {
        if (ratio.isEmpty() || bands.isEmpty()) {
            return Optional.empty();
        }
        double percent = ratio.getAsDouble() * 100;
        BigDecimal found = bands.get(0).coefficient();
        for (BonusBand band : bands) {
            // A small tolerance so that 9 of 10 (90.000000001 or 89.99999) lands in the 90 % band.
            if (percent + 1e-9 >= band.lowerPercent()) {
                found = band.coefficient();
            }
        }
        return Optional.of(found);
    }
}
