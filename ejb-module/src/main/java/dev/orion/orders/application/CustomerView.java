package dev.orion.orders.application;

import dev.orion.orders.domain.Customer;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** A customer as the administration page lists it. */
public record CustomerView(long id, long vendorId, String email, String fullName, String locale, boolean active, OffsetDateTime createdAt) implements Serializable {

    static CustomerView of(Customer c) {
        return new CustomerView(c.getId(), c.getVendorId(), c.getEmail(), c.getFullName(), c.getLocale(), c.isActive(), c.getCreatedAt());
    }
}
