package dev.orion.billing.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** VAT as invoices take it: each vendor has its rate, and prices include it. */
@ApplicationScoped
public class VatRates {

    @PersistenceContext
    EntityManager em;

    /** The vendor's VAT rate, in percent. */
    public BigDecimal of(long vendorId) {
        return (BigDecimal) em.createNativeQuery("SELECT vat_rate FROM vendors WHERE id = ?1").setParameter(1, vendorId).getSingleResult();
    }

    /** The VAT inside a gross amount at {@code rate} percent, to the cent (as the sales reports round it). */
    public static BigDecimal includedIn(BigDecimal gross, BigDecimal rate) {
        return gross.multiply(rate).divide(rate.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
    }
}
