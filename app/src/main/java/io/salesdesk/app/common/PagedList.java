package io.salesdesk.app.common;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only list over a query result that is never loaded whole: its size is counted once, and
 * rows are fetched a page at a time when a table asks for them, keeping the last few pages in an
 * LRU cache. A new query makes a new list.
 *
 * @param <T> the row type
 */
public final class PagedList<T> extends AbstractList<T> {

    /** Fetches {@code limit} rows from {@code offset} in the query's order. */
    @FunctionalInterface
    public interface PageSource<T> {
        List<T> fetch(int offset, int limit);
    }

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int DEFAULT_CACHED_PAGES = 10;

    private final int size;
    private final int pageSize;
    private final PageSource<T> source;
    private final Map<Integer, List<T>> pages;

    public PagedList(int size, PageSource<T> source) {
        this(size, DEFAULT_PAGE_SIZE, DEFAULT_CACHED_PAGES, source);
    }

    public PagedList(int size, int pageSize, int cachedPages, PageSource<T> source) {
        if (size < 0 || pageSize < 1 || cachedPages < 1) {
            throw new IllegalArgumentException("size " + size + ", pageSize " + pageSize + ", pages " + cachedPages);
        }
        this.size = size;
        this.pageSize = pageSize;
        this.source = source;
        this.pages = new LinkedHashMap<>(cachedPages * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
                return size() > cachedPages;
            }
        };
    }

    /**
     * The row at {@code index}, or {@code null} if it vanished since the count (a row deleted by
     * someone else meanwhile); a table shows that as an empty row until the next query.
     */
    @Override
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / pageSize;
        List<T> rows = pages.computeIfAbsent(page, p -> List.copyOf(source.fetch(p * pageSize, pageSize)));
        int inPage = index - page * pageSize;
        return inPage < rows.size() ? rows.get(inPage) : null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        // Only cached pages: searching would fetch every row, which this list exists to avoid.
        for (Map.Entry<Integer, List<T>> entry : pages.entrySet()) {
            int i = entry.getValue().indexOf(o);
            if (i >= 0) {
                return entry.getKey() * pageSize + i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** Number of pages held in the cache now. */
    public int cachedPages() {
        return pages.size();
    }
}
