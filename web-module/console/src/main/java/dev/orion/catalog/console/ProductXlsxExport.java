package dev.orion.catalog.console;

import dev.orion.catalog.application.ProductView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The export as an XLSX sheet through fastexcel, which streams the sheet XML: rows written and flushed per batch
 * stay out of memory. A sheet holds at most 1,048,576 rows; beyond that the export stops and its last row says so.
 */
final class ProductXlsxExport {

    private ProductXlsxExport() {
    }

    static void write(ProductExportServlet.Batches batches, OutputStream out) throws IOException {
        var workbook = new Workbook(out, "Orion", "1.0");
        Worksheet sheet = workbook.newWorksheet("Products");
        for (int c = 0; c < ProductCsvExport.HEADER.length; c++) {
            sheet.value(0, c, ProductCsvExport.HEADER[c]);
        }
        int row = 1;
        for (List<ProductView> batch = batches.next(); !batch.isEmpty(); batch = batches.next()) {
            for (ProductView p : batch) {
                if (row == Worksheet.MAX_ROWS - 1) {
                    sheet.value(row, 0, "(truncated: a sheet holds no more rows; use the CSV export)");
                    workbook.finish();
                    return;
                }
                sheet.value(row, 0, p.sku());
                sheet.value(row, 1, p.title());
                sheet.value(row, 2, p.brand());
                sheet.value(row, 3, p.gtin());
                sheet.value(row, 4, p.price());
                sheet.value(row, 5, p.currency());
                sheet.value(row, 6, p.stock());
                sheet.value(row, 7, p.availability());
                sheet.value(row, 8, p.updatedAt().toString());
                row++;
            }
            sheet.flush();
        }
        workbook.finish();
    }
}
