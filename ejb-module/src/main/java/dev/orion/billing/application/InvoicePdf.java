package dev.orion.billing.application;

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
import dev.orion.orders.application.OrderView;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

/** An order's invoice as a PDF: seller, number and date, buyer, the lines, then net, VAT and total. */
final class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    private InvoicePdf() {
    }

    static void write(InvoiceView invoice, String vendorName, BigDecimal vatRate, OrderView order, OutputStream out) {
        var document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out).setCloseStream(false);
        document.open();
        document.add(new Paragraph("Invoice " + invoice.number(), TITLE));
        document.add(new Paragraph(vendorName, BOLD));
        document.add(new Paragraph("Issued on " + invoice.issuedOn() + " for order " + order.id()
                + (order.externalId() == null ? "" : " (" + order.externalId() + ")"), BODY));
        document.add(new Paragraph("Billed to: " + order.customerName() + " <" + order.customerEmail() + ">", BODY));
        document.add(new Paragraph(" ", BODY));

        var table = new PdfPTable(new float[] {3, 6, 1.2f, 2, 2});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        List.of("SKU", "Item", "Qty", "Unit price", "Amount").forEach(h -> table.addCell(new PdfPCell(new Phrase(h, BOLD))));
        for (OrderView.Line line : order.lines()) {
            table.addCell(new Phrase(line.sku(), BODY));
            table.addCell(new Phrase(line.title(), BODY));
            table.addCell(right(Integer.toString(line.quantity()), BODY));
            table.addCell(right(line.unitPrice().toPlainString(), BODY));
            table.addCell(right(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).toPlainString(), BODY));
        }
        total(table, "Net", invoice.net(), invoice.currency(), BODY);
        total(table, "VAT " + vatRate.stripTrailingZeros().toPlainString() + " %", invoice.vat(), invoice.currency(), BODY);
        total(table, "Total", invoice.total(), invoice.currency(), BOLD);
        document.add(table);
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Prices include VAT. Thank you for your purchase.", BODY));
        document.close();
    }

    private static void total(PdfPTable table, String label, BigDecimal amount, String currency, Font font) {
        var name = new PdfPCell(new Phrase(label, font));
        name.setColspan(4);
        name.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(name);
        table.addCell(right(amount.toPlainString() + " " + currency, font));
    }

    private static PdfPCell right(String text, Font font) {
        var cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
