package dev.orion.operations.imports;

import dev.orion.platform.console.ConsoleCaller;
import dev.orion.platform.imports.ImportHistory;
import dev.orion.platform.imports.ImportIssues;
import dev.orion.platform.imports.ImportRun;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * The rejects report (rejected rows and warnings, CSV) of an import the signed-in user may see, streamed
 * as it is read: a report can be as long as its feed. Reading only, so a plain GET link.
 */
@WebServlet("/imports/rejects")
public class ImportRejectsDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ImportHistory history;

    @Inject
    ImportIssues issues;

    @Inject
    ConsoleCaller user;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        Optional<ImportRun> run = id == null || !id.matches("\\d{1,18}") ? Optional.empty()
                : history.find(ImportsView.JOBS, user.isPlatform() ? null : user.getVendorId(), Long.parseLong(id));
        if (run.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-rejects.csv\"");
        var out = response.getWriter();
        issues.writeReport(run.get().latest(), out);
        out.flush();
    }
}
