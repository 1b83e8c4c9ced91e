package dev.orion.reporting.application;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/** The report's revenue per day as a bar chart (one series per currency), drawn by JFreeChart as PDF vectors. */
final class RevenueChart {

    private RevenueChart() {
    }

    static Image of(PdfWriter writer, SalesFigures figures, float width, float height) {
        var dataset = new DefaultCategoryDataset();
        figures.days().forEach(d -> dataset.addValue(d.gross(), d.currency(), d.day().toString()));
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Gross revenue", dataset, PlotOrientation.VERTICAL,
                figures.days().stream().map(SalesFigures.DayTotal::currency).distinct().count() > 1, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getCategoryPlot().setBackgroundPaint(new Color(0xF4F6F8));
        chart.getCategoryPlot().getRenderer().setSeriesPaint(0, new Color(0x2F6FB0));
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        // at most about 40 labels fit under the chart; a long period shows bars without crowded day labels
        chart.getCategoryPlot().getDomainAxis().setTickLabelsVisible(dataset.getColumnCount() <= 40);
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = template.createGraphicsShapes(width, height);
        chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        graphics.dispose();
        return Image.getInstance(template);
    }
}
