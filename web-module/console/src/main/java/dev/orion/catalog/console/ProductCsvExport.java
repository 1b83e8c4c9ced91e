package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductView;
import dev.orion.platform.csv.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The export as CSV (RFC 4180, UTF-8), written batch by batch; vendor text neutralised against spreadsheet formulas. */
final class ProductCsvExport {

    static final String[] HEADER = {"sku", "title", "brand", "gtin", "price", "currency", "stock", "availability", "updated_at"};

    private ProductCsvExport() {
    }

    static void write(ProductExportServlet.Batches batches, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        for (List<ProductView> batch = batches.next(); !batch.isEmpty(); batch = batches.next()) {
            for (ProductView p : batch) {
                csv.printRecord(CsvCells.safe(p.sku(), p.title(), p.brand(), p.gtin(), p.price().toPlainString(), p.currency(),
                        p.stock(), p.availability(), p.updatedAt()));
            }
            csv.flush(); // each batch goes to the client before the next is read
        }
        csv.close();
    }
}
