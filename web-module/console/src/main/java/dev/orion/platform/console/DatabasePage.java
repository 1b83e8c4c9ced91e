package dev.orion.platform.console;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A table whose rows stay in the database: each request asks for the count and for one page, through the
 * page's own service calls. Filters and sorting are the bean's (its fields), not the table's.
 */
public final class DatabasePage<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    @FunctionalInterface
    public interface Count extends Serializable {
        long rows();
    }

    @FunctionalInterface
    public interface Slice<T> extends Serializable {
        List<T> rows(int first, int size);
    }

    @FunctionalInterface
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Count count;
    private final Slice<T> slice;
    private final Key<T> key;

    public DatabasePage(Count count, Slice<T> slice, Key<T> key) {
        this.count = count;
        this.slice = slice;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filters) {
        return (int) Math.min(Integer.MAX_VALUE, count.rows());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
        return slice.rows(first, pageSize);
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    /** The row among the page on show (selection and row events refer to those). */
    @Override
    public T getRowData(String rowKey) {
        List<T> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(row -> Objects.equals(getRowKey(row), rowKey)).findFirst().orElse(null);
    }
}
