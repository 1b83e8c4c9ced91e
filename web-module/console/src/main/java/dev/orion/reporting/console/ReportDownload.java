package dev.orion.reporting.console;

import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.jobs.JobExecutionView;
import dev.orion.reporting.application.ReportFormat;
import dev.orion.reporting.application.SalesReports;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** A finished sales report the signed-in user may see, streamed from storage. Reading only, so a plain GET link. */
@WebServlet("/reports/download")
public class ReportDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    SalesReports reports;

    @Inject
    ConsoleCaller user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Optional<JobExecutionView> report = id == null || !id.matches("\\d{1,18}") ? Optional.empty()
                : reports.find(user.isPlatform() ? null : user.getVendorId(), Long.parseLong(id));
        if (report.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (!"COMPLETED".equals(report.get().batchStatus())) {
            response.sendError(HttpServletResponse.SC_CONFLICT, "The report is " + report.get().batchStatus());
            return;
        }
        var format = ReportFormat.valueOf(report.get().parameters().get("format"));
        response.setContentType(format.mediaType() + (format == ReportFormat.CSV ? "; charset=UTF-8" : ""));
        response.setHeader("Content-Disposition", "attachment; filename=\"sales-report-" + id + "." + format.extension() + "\"");
        try (InputStream in = reports.open(report.get())) {
            in.transferTo(response.getOutputStream());
        }
    }
}
