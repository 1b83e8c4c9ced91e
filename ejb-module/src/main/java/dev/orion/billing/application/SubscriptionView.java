package dev.orion.billing.application;

import dev.orion.billing.domain.Subscription;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A subscription as the administration page lists it. */
public record SubscriptionView(long id, long vendorId, Subscription.Plan plan, Subscription.Period period, Subscription.Status status,
                               BigDecimal price, String currency, LocalDate periodStart, LocalDate periodEnd) implements Serializable {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.getId(), s.getVendorId(), s.getPlan(), s.getPeriod(), s.getStatus(), s.getPrice(),
                s.getCurrency(), s.getPeriodStart(), s.getPeriodEnd());
    }
}
