package dev.orion.billing.application;

import dev.orion.billing.domain.Invoice;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An issued invoice as the API shows it. */
public record InvoiceView(long id, String number, long vendorId, Long orderId, LocalDate issuedOn, BigDecimal net,
                          BigDecimal vat, BigDecimal total, String currency, String storageKey) implements Serializable {

    /** The PDF's file name in downloads and emails. */
    public String fileName() {
        return "invoice-" + number + ".pdf";
    }

    static InvoiceView of(Invoice i) {
        return new InvoiceView(i.getId(), i.getNumber(), i.getVendorId(), i.getOrderId(), i.getIssuedOn(), i.getNet(),
                i.getVat(), i.getTotal(), i.getCurrency(), i.getStorageKey());
    }
}
