package dev.orion.orders.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One order in a listing: what a table row shows, read in one query without the lines. */
public record OrderRow(long id, long vendorId, String externalId, String status, String customerEmail,
                       String customerName, BigDecimal total, String currency, OffsetDateTime createdAt)
        implements Serializable {
}
