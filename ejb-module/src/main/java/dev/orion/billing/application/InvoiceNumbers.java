package dev.orion.billing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Hands out invoice numbers without gaps, per series and year: each vendor's invoices to its customers are one
 * series, the platform's subscription invoices to vendors another. Taking a number updates the series' counter
 * row in the caller's transaction: its lock serialises invoicing in that series until the invoice commits, and
 * a rollback gives the number back, so no number is ever skipped or used twice.
 */
@ApplicationScoped
public class InvoiceNumbers {

    @PersistenceContext
    EntityManager em;

    public static final String PLATFORM = "platform";

    /** The series of a vendor's own invoices (to its customers). */
    public static String vendorSeries(long vendorId) {
        return "vendor:" + vendorId;
    }

    public int next(String series, int year) {
        return ((Number) em.createNativeQuery("INSERT INTO invoice_counters (series, year, last_seq) VALUES (?1, ?2, 1)"
                        + " ON CONFLICT (series, year) DO UPDATE SET last_seq = invoice_counters.last_seq + 1 RETURNING last_seq")
                .setParameter(1, series).setParameter(2, year)
                .getSingleResult()).intValue();
    }
}
