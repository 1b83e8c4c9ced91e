package dev.orion.billing.application;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import dev.orion.billing.domain.Subscription;
import java.io.OutputStream;

/** A subscription period's invoice as a PDF: the plan, the period, net, VAT and total. */
final class SubscriptionInvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 11);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);

    private SubscriptionInvoicePdf() {
    }

    static void write(InvoiceView invoice, String vendorName, Subscription subscription, OutputStream out) {
        var document = new Document(PageSize.A4, 48, 48, 48, 48);
        PdfWriter.getInstance(document, out).setCloseStream(false);
        document.open();
        document.add(new Paragraph("Invoice " + invoice.number(), TITLE));
        document.add(new Paragraph("Orion platform subscription, issued on " + invoice.issuedOn(), BODY));
        document.add(new Paragraph("Billed to: " + vendorName, BOLD));
        document.add(new Paragraph(" ", BODY));
        document.add(new Paragraph("Plan " + subscription.getPlan() + ", " + subscription.getPeriod().name().toLowerCase()
                + ", from " + subscription.getPeriodStart() + " to " + subscription.getPeriodEnd(), BODY));
        document.add(new Paragraph("Net: " + invoice.net().toPlainString() + " " + invoice.currency(), BODY));
        document.add(new Paragraph("VAT: " + invoice.vat().toPlainString() + " " + invoice.currency(), BODY));
        document.add(new Paragraph("Total: " + invoice.total().toPlainString() + " " + invoice.currency(), BOLD));
        document.close();
    }
}
