package dev.orion.reporting.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SalesReportPdfTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 16);

    @Test
    void listsTheBiggestSellersAndLeavesTheRestToTheCsv() throws Exception {
        // 150 products, biggest first as the figures come: P-0001 sold most, P-0150 least
        List<SalesFigures.ProductTotal> products = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> new SalesFigures.ProductTotal("v", "P-%04d".formatted(i), "Product " + i, "EUR", 1,
                        BigDecimal.valueOf(1000 - i), BigDecimal.valueOf(1000 - i), BigDecimal.ZERO))
                .toList();
        var figures = new SalesFigures(new SalesReportRequest(null, DAY, DAY, ReportFormat.PDF), "All vendors",
                List.of(new SalesFigures.DayTotal(DAY, "EUR", 150, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ZERO)),
                products, List.of());

        String text = text(figures);

        assertTrue(text.contains("v/P-0001"), text);
        assertTrue(text.contains("v/P-" + "%04d".formatted(SalesReportPdf.TOP_PRODUCTS)), text);
        assertFalse(text.contains("v/P-" + "%04d".formatted(SalesReportPdf.TOP_PRODUCTS + 1)), text);
        assertTrue(text.contains((150 - SalesReportPdf.TOP_PRODUCTS) + " more products"), text);
        assertTrue(text.contains("CSV"), text);
    }

    private static String text(SalesFigures figures) throws Exception {
        var out = new ByteArrayOutputStream();
        SalesReportPdf.write(figures, out);
        var reader = new PdfReader(out.toByteArray());
        var extractor = new PdfTextExtractor(reader);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
