package dev.orion.catalog.application;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.hibernate.query.NativeQuery;

/** Reads product rows of a native query straight into {@link ProductView}s, with typed columns. */
final class ProductRows {

    static final String COLUMNS = "p.id, p.vendor_id, p.sku, p.gtin, p.title, p.description, p.brand, p.price_amount,"
            + " p.price_currency, p.stock, p.availability, p.image_links, p.created_at, p.updated_at, p.version";

    /** How many values {@link #COLUMNS} reads: a query may add its own after them. */
    static final int COLUMN_COUNT = 15;

    private ProductRows() {
    }

    @SuppressWarnings("unchecked")
    static NativeQuery<Object[]> query(EntityManager em, String sql) {
        return em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", Long.class).addScalar("vendor_id", Long.class).addScalar("sku", String.class)
                .addScalar("gtin", String.class).addScalar("title", String.class).addScalar("description", String.class)
                .addScalar("brand", String.class).addScalar("price_amount", BigDecimal.class)
                .addScalar("price_currency", String.class).addScalar("stock", Integer.class)
                .addScalar("availability", String.class).addScalar("image_links", String[].class)
                .addScalar("created_at", OffsetDateTime.class).addScalar("updated_at", OffsetDateTime.class)
                .addScalar("version", Long.class);
    }

    static ProductView view(Object[] r) {
        String[] images = (String[]) r[11];
        return new ProductView((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (BigDecimal) r[7], (String) r[8], (Integer) r[9], (String) r[10],
                images == null ? List.of() : Arrays.asList(images), (OffsetDateTime) r[12], (OffsetDateTime) r[13], (Long) r[14]);
    }
}
