package dev.orion.platform.rest;

import dev.orion.platform.jobs.JobExecutionView;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What the product and order import resources answer alike: the feed URL, the status links, the report. */
public final class ImportResponses {

    private ImportResponses() {
    }

    /** The URL of a feed Orion is to fetch; one that does not parse is a 400. */
    public static URI feedUrl(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new BadRequestException("url is not a valid URL: " + e.getReason());
        }
    }

    /** Where the import {@code id} of {@code resource} is followed. */
    public static URI location(UriInfo uri, Class<?> resource, long id) {
        return uri.getBaseUriBuilder().path(resource).path(Long.toString(id)).build();
    }

    public static ImportStatus status(UriInfo uri, Class<?> resource, long id, JobExecutionView execution) {
        return status(uri, resource, id, execution, false);
    }

    /** With {@code dryRun}, the status links the dry run's preview ({@code .../{id}/preview}). */
    public static ImportStatus status(UriInfo uri, Class<?> resource, long id, JobExecutionView execution, boolean dryRun) {
        var self = uri.getBaseUriBuilder().path(resource).path(Long.toString(id));
        return ImportStatus.of(id, execution, self.clone().path("rejects").build().toString(),
                dryRun ? self.clone().path("preview").build().toString() : null);
    }

    /** The import report as a CSV download, streamed as {@code report} writes it. */
    public static Response rejectsCsv(String filename, Consumer<Writer> report) {
        StreamingOutput csv = out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            report.accept(writer);
            writer.flush();
        };
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
