package io.salesdesk.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PagedListTest {

    private final List<Integer> fetchedOffsets = new ArrayList<>();

    private PagedList<Integer> list(int size, int pageSize, int cachedPages) {
        return new PagedList<>(size, pageSize, cachedPages, (offset, limit) -> {
            fetchedOffsets.add(offset);
            return IntStream.range(offset, Math.min(offset + limit, size)).boxed().toList();
        });
    }

    @Test
    void sizeIsTheCountWithoutFetchingAnything() {
        PagedList<Integer> rows = list(100_000, 100, 5);

        assertThat(rows).hasSize(100_000);
        assertThat(fetchedOffsets).isEmpty();
    }

    @Test
    void getFetchesOnlyThePageHoldingTheRow() {
        PagedList<Integer> rows = list(100_000, 100, 5);

        assertThat(rows.get(54_321)).isEqualTo(54_321);
        assertThat(rows.get(54_399)).isEqualTo(54_399);

        assertThat(fetchedOffsets).containsExactly(54_300);
    }

    @Test
    void leastRecentlyUsedPageIsDroppedWhenTheCacheIsFull() {
        PagedList<Integer> rows = list(1_000, 10, 2);
        rows.get(0);
        rows.get(10);
        rows.get(1);   // page 0 used again, page 1 is now the eldest
        rows.get(20);  // evicts page 1

        rows.get(2);
        rows.get(11);

        assertThat(fetchedOffsets).containsExactly(0, 10, 20, 10);
        assertThat(rows.cachedPages()).isEqualTo(2);
    }

    @Test
    void rowThatVanishedSinceTheCountReadsAsNull() {
        PagedList<String> rows = new PagedList<>(5, 10, 1, (offset, limit) -> List.of("a", "b", "c"));

        assertThat(rows.get(2)).isEqualTo("c");
        assertThat(rows.get(4)).isNull();
    }

    @Test
    void indexOutsideTheCountIsRefused() {
        PagedList<Integer> rows = list(3, 10, 1);

        assertThatThrownBy(() -> rows.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void indexOfLooksOnlyInCachedPages() {
        PagedList<Integer> rows = list(1_000, 10, 3);
        rows.get(500);

        assertThat(rows.indexOf(505)).isEqualTo(505);
        assertThat(rows.indexOf(7)).isEqualTo(-1);
        assertThat(fetchedOffsets).containsExactly(500);
    }
}
