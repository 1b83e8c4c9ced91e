package dev.orion.reporting.application;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import dev.orion.platform.csv.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One tidy table, easy to filter in a spreadsheet: a {@code section} column says whether a row is a day,
 * a product or a status total; columns that do not apply to a section stay empty. Vendor text (titles, SKUs) is
 * neutralised against spreadsheet formulas ({@link CsvCells}).
 */
final class SalesReportCsv {

    static final String[] HEADER = {"section", "key", "title", "currency", "orders", "quantity", "gross", "net", "vat"};

    private SalesReportCsv() {
    }

    static void write(SalesFigures figures, OutputStream out) throws IOException {
        var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        var csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
        for (var day : figures.days()) {
            csv.printRecord(CsvCells.safe("day", day.day(), "", day.currency(), day.orders(), "", day.gross(), day.net(), day.vat()));
        }
        for (var product : figures.products()) {
            csv.printRecord(CsvCells.safe("product", product.vendor() + "/" + product.sku(), product.title(), product.currency(), "",
                    product.quantity(), product.gross(), product.net(), product.vat()));
        }
        for (var status : figures.statuses()) {
            csv.printRecord(CsvCells.safe("status", status.status(), "", status.currency(), status.orders(), "", status.gross(), "", ""));
        }
        csv.flush();
    }
}
