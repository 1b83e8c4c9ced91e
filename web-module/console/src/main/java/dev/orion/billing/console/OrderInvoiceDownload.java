package dev.orion.billing.console;

import dev.orion.billing.application.InvoiceView;
import dev.orion.billing.application.OrderInvoices;
import dev.orion.platform.console.ConsoleCaller;
import dev.orion.orders.application.OrderListing;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Streams an order's invoice PDF from storage. Reading only: the order page's "Invoice" button
 * ({@link OrderInvoiceView}) issues the invoice (a POST) and then comes here. VENDOR users reach only their own vendor's invoices.
 */
@WebServlet(OrderInvoiceDownload.PATH)
public class OrderInvoiceDownload extends HttpServlet {

    static final String PATH = "/orders/invoice";
    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleCaller user;

    @Inject
    OrderListing listing;

    @Inject
    OrderInvoices invoices;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<InvoiceView> invoice = orderId(request)
                .flatMap(id -> vendorOf(id).flatMap(vendor -> invoices.find(vendor, id)));
        if (invoice.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + invoice.get().fileName() + "\"");
        response.setHeader("Cache-Control", "private, no-store");
        try (var pdf = invoices.open(invoice.get()); var out = response.getOutputStream()) {
            pdf.transferTo(out);
        }
    }

    private Optional<Long> vendorOf(long orderId) {
        return user.isPlatform() ? listing.vendorOf(orderId) : Optional.ofNullable(user.getVendorId());
    }

    private static Optional<Long> orderId(HttpServletRequest request) {
        try {
            return Optional.of(Long.parseLong(request.getParameter("order")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
