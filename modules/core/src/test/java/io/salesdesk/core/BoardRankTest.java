package io.salesdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BoardRankTest {

    @Test
    void aRankBetweenTwoSortsBetweenThem() {
        assertThat(BoardRank.between("i00000", "i00002")).isEqualTo("i00001");
        assertThat(BoardRank.between("i00000", "i00001")).isGreaterThan("i00000").isLessThan("i00001");
        assertThat(BoardRank.between("i00000", "i00000a")).isGreaterThan("i00000").isLessThan("i00000a");
        assertThat(BoardRank.between(null, "000000a")).isLessThan("000000a").isGreaterThan("000000");
        assertThatThrownBy(() -> BoardRank.between(null, "000000")).isInstanceOf(IllegalStateException.class);
        assertThat(BoardRank.between("zzzzzz", null)).isGreaterThan("zzzzzz");
    }

    @Test
    void insertingAlwaysAtTheTopKeepsOrderAndGrowsSlowly() {
        List<String> column = new ArrayList<>(List.of(BoardRank.first()));
        for (int i = 0; i < 200; i++) {
            column.add(0, BoardRank.between(null, column.get(0)));
        }
        assertThat(column).isSorted().doesNotHaveDuplicates();
        assertThat(column.get(0).length()).isLessThanOrEqualTo(BoardRank.MAX_LENGTH);
    }

    @Test
    void appendingAtTheBottomStaysShort() {
        String last = BoardRank.first();
        for (int i = 0; i < 1000; i++) {
            String next = BoardRank.between(last, null);
            assertThat(next).isGreaterThan(last);
            last = next;
        }
        assertThat(last).hasSize(6);
    }

    @Test
    void manyRandomInsertsAndMovesKeepAStrictOrderThatMatchesTheList() {
        SplittableRandom random = new SplittableRandom(7);
        List<String> column = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            int at = random.nextInt(column.size() + 1);
            String before = at == 0 ? null : column.get(at - 1);
            String after = at == column.size() ? null : column.get(at);
            String rank = BoardRank.between(before, after);
            column.add(at, rank);
            if (column.size() > 10 && random.nextBoolean()) {
                // a move: take a card out and put it somewhere else
                String moved = column.remove(random.nextInt(column.size()));
                assertThat(moved).isNotNull();
            }
        }
        List<String> sorted = new ArrayList<>(column);
        sorted.sort(Comparator.naturalOrder());
        assertThat(column).isEqualTo(sorted).doesNotHaveDuplicates();
        assertThat(column).allSatisfy(r -> assertThat(r).matches("[0-9a-z]{6}([0-9a-z]*[1-9a-z])?"));
    }

    @Test
    void repeatedInsertsAtOneSpotEventuallyAskForASpread() {
        String low = "a00000";
        String high = "b00000";
        int inserts = 0;
        String rank = BoardRank.between(low, high);
        while (!BoardRank.tooLong(rank)) {
            high = rank;
            rank = BoardRank.between(low, high);
            inserts++;
        }
        // At least a couple of hundred cards dropped at one spot before the column is respread.
        assertThat(inserts).isGreaterThan(200);
    }

    @Test
    void spreadGivesShortIncreasingRanks() {
        List<String> ranks = BoardRank.spread(5000);
        assertThat(ranks).hasSize(5000).isSorted().doesNotHaveDuplicates();
        assertThat(ranks).allSatisfy(r -> assertThat(r).hasSize(6));
        assertThat(BoardRank.spread(1)).hasSize(1);
    }

    @Test
    void neighboursThatNoLongerSortAsSeenDoNotRefuseTheDrop() {
        assertThat(BoardRank.betweenNeighbours("i00000", "i00002")).isEqualTo("i00001");
        // Someone moved the lower card above the upper one meanwhile: the card goes after "above".
        assertThat(BoardRank.betweenNeighbours("k00000", "i00000")).isGreaterThan("k00000");
        assertThat(BoardRank.betweenNeighbours(null, null)).isEqualTo(BoardRank.first());
    }

    @Test
    void refusesRanksOutOfOrder() {
        assertThatThrownBy(() -> BoardRank.between("b00000", "a00000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardRank.between("a00000", "a00000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BoardRank.between("A00000", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
