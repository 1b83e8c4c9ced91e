package dev.orion.reporting.application;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The PDF edition of a sales report: a title block, a revenue chart, then the day table, the {@value #TOP_PRODUCTS}
 * best-selling products and the status table. The PDF is for reading: the CSV edition lists every product (an
 * all-vendor year has some 16,000, a 400-page table that nobody reads and that took most of the PDF's time).
 */
final class SalesReportPdf {

    static final int TOP_PRODUCTS = 100;

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font HEAD_CELL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private SalesReportPdf() {
    }

    static void write(SalesFigures figures, OutputStream out) {
        var document = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false);
        document.open();
        var request = figures.request();
        document.add(new Paragraph("Sales report", TITLE));
        document.add(new Paragraph(figures.vendorName() + ", " + request.from() + " to " + request.to()
                + " (UTC days; amounts include VAT)", BODY));

        if (!figures.days().isEmpty()) {
            var chart = RevenueChart.of(writer, figures, document.right() - document.left(), 220);
            chart.setSpacingBefore(10);
            document.add(chart);
        }
        section(document, "Sales per day", List.of("Day", "Currency", "Orders", "Gross", "Net", "VAT"),
                figures.days().stream().map(d -> List.<Object>of(d.day(), d.currency(), d.orders(), d.gross(), d.net(), d.vat())).toList());
        var products = figures.products();
        section(document, products.size() > TOP_PRODUCTS ? "Top " + TOP_PRODUCTS + " products of " + products.size() : "Sales per product",
                List.of("SKU", "Title", "Currency", "Quantity", "Gross", "Net", "VAT"),
                products.stream().limit(TOP_PRODUCTS).map(p -> List.<Object>of(p.vendor() + "/" + p.sku(), p.title(), p.currency(),
                        p.quantity(), p.gross(), p.net(), p.vat())).toList());
        if (products.size() > TOP_PRODUCTS) {
            document.add(new Paragraph(rest(products.subList(TOP_PRODUCTS, products.size())), BODY));
        }
        section(document, "Orders per status", List.of("Status", "Currency", "Orders", "Gross"),
                figures.statuses().stream().map(s -> List.<Object>of(s.status(), s.currency(), s.orders(), s.gross())).toList());
        document.close();
    }

    /** What the products left out of the table add up to, per currency, and where to find them. */
    private static String rest(List<SalesFigures.ProductTotal> rest) {
        var gross = new TreeMap<String, BigDecimal>();
        rest.forEach(p -> gross.merge(p.currency(), p.gross(), BigDecimal::add));
        return rest.size() + " more products, " + gross.entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey())
                .collect(Collectors.joining(", ")) + " gross, are listed in the CSV edition of this report.";
    }

    private static void section(Document document, String title, List<String> header, List<List<Object>> rows) {
        var heading = new Paragraph(title, HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        document.add(heading);
        if (rows.isEmpty()) {
            document.add(new Paragraph("No orders in this period.", BODY));
            return;
        }
        var table = new PdfPTable(header.size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        header.forEach(h -> table.addCell(new PdfPCell(new Phrase(h, HEAD_CELL))));
        for (List<Object> row : rows) {
            for (Object value : row) {
                var cell = new PdfPCell(new Phrase(String.valueOf(value), BODY));
                if (value instanceof Number) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        document.add(table);
    }
}
