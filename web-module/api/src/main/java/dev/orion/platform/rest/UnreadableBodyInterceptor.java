package dev.orion.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A request body that its reader cannot make sense of is the client's error: a multipart body without a
 * boundary or a part without a Content-Disposition, JSON nested deeper than the parser allows
 * ({@code org.eclipse.parsson.maxDepth}), bytes that end early. Readers report those with plain IOExceptions
 * and RuntimeExceptions, which would otherwise be answered as server errors; here they become a 400.
 * Refusals already meant for the client (413, 400 from a filter) pass through unchanged.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyInterceptor.class.getName());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (WebApplicationException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof WebApplicationException refusal) {
                    throw refusal;
                }
            }
            if (e instanceof ProcessingException || e instanceof JsonbException) {
                throw e; // ProblemMapper explains these (malformed JSON for the operation)
            }
            LOG.log(Level.FINE, "Unreadable request body", e);
            throw new BadRequestException("The request body cannot be read as " + context.getMediaType(), e);
        }
    }
}
