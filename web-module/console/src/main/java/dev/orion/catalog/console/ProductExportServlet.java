package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductListing;
import dev.orion.catalog.application.ProductQuery;
import dev.orion.catalog.application.ProductView;
import dev.orion.platform.console.ConsoleCaller;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * GET /catalog/products-export?format=csv|xlsx&amp;vendor=..&amp;(the table's filters): the matching products,
 * streamed in SKU order in batches of {@value #BATCH} (keyset paging), so even a million rows never sit in
 * memory at once. A read, so no form post; a VENDOR user gets their own vendor's products whatever the URL says.
 */
@WebServlet("/catalog/products-export")
public class ProductExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int BATCH = 1_000;

    @Inject
    ProductListing listing;

    @Inject
    ConsoleCaller user;

    /** Where the export stands: the writer asks for batch after batch until one comes back empty. */
    interface Batches {
        List<ProductView> next();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long vendorId = user.isPlatform() ? parseLong(request.getParameter("vendor")) : user.getVendorId();
        String format = request.getParameter("format");
        if (vendorId == null || !("csv".equals(format) || "xlsx".equals(format))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "format=csv or xlsx and a vendor are required");
            return;
        }
        ProductQuery query = ProductQueryParams.fromRequest(request::getParameter);
        String file = "products-" + vendorId + "-" + LocalDate.now() + "." + format;
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
        response.setHeader("Cache-Control", "no-store");
        var batches = new Batches() {
            private String afterSku;

            @Override
            public List<ProductView> next() {
                List<ProductView> batch = listing.batchAfter(vendorId, query, afterSku, BATCH);
                afterSku = batch.isEmpty() ? afterSku : batch.get(batch.size() - 1).sku();
                return batch;
            }
        };
        if ("csv".equals(format)) {
            response.setContentType("text/csv; charset=UTF-8");
            ProductCsvExport.write(batches, response.getOutputStream());
        } else {
            response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            ProductXlsxExport.write(batches, response.getOutputStream());
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
