package dev.orion.platform.console;

import dev.orion.platform.persistence.DatabaseAvailability;
import dev.orion.platform.persistence.DatabaseOutage;
import dev.orion.platform.proxy.ClientOrigin;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;
import org.primefaces.csp.CspException;

/**
 * Turns an unexpected error in a page or an Ajax request into the friendly error page, with a reference that
 * is also in the log next to the stack trace; an expired view sends the user back to the same page (or to the
 * login if the session is gone too) instead of an error; a post without PrimeFaces' script nonce (a script, a forged
 * form) is one WARN line and the page again. While the database is out the page is the "temporarily
 * unavailable" one (503, no stack trace: the outage is logged once, by {@link DatabaseAvailability}).
 */
public class CorrelatedExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(CorrelatedExceptionHandler.class.getName());

    CorrelatedExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        if (events.hasNext()) {
            FacesContext context = FacesContext.getCurrentInstance();
            Throwable error = events.next().getContext().getException();
            String target;
            ExternalContext external = context.getExternalContext();
            if (unwrap(error) instanceof ViewExpiredException expired) {
                target = external.getRequestContextPath() + expired.getViewId() + "?expired=true";
            } else if (unwrap(error) instanceof CspException) {
                // an expected refusal, not an error of ours: the console's own pages always send the nonce
                String path = external.getRequestServletPath();
                LOG.warning(() -> "Console post to " + path + " refused: sent without the page's script nonce (a script or a forged form, "
                        + "not the console's page), from " + ClientOrigin.describe((HttpServletRequest) external.getRequest()));
                target = external.getRequestContextPath() + path;
            } else if (DatabaseOutage.causedBy(error)) {
                CDI.current().select(DatabaseAvailability.class).get().unreachable(error);
                clear(events);
                unavailable(context);
                getWrapped().handle();
                return;
            } else {
                String reference = ErrorReferences.log(error, context.getExternalContext().getRequestServletPath());
                target = external.getRequestContextPath() + "/error.xhtml?ref=" + reference;
            }
            clear(events);
            redirect(context, target);
        }
        getWrapped().handle();
    }

    private static void clear(Iterator<ExceptionQueuedEvent> events) {
        events.remove();
        while (events.hasNext()) {
            events.next();
            events.remove();
        }
    }

    /** The unavailable page in place of this one; an Ajax request is sent to reload its page, which then shows it. */
    private static void unavailable(FacesContext context) {
        ExternalContext external = context.getExternalContext();
        if (external.isResponseCommitted()) {
            return;
        }
        if (context.getPartialViewContext().isAjaxRequest()) {
            String page = context.getViewRoot() == null ? "/" : context.getViewRoot().getViewId();
            redirect(context, external.getRequestContextPath() + page);
            return;
        }
        try {
            UnavailablePage.write((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
            context.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof FacesException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void redirect(FacesContext context, String target) {
        ExternalContext external = context.getExternalContext();
        if (external.isResponseCommitted()) {
            return; // too late to change the page: the error is in the log with its reference
        }
        try {
            external.responseReset(); // drop what the failed render had written so far
            if (context.getPartialViewContext().isAjaxRequest()) {
                // written by hand: the partial response writer may be in the middle of an update
                external.setResponseContentType("text/xml");
                external.setResponseCharacterEncoding("UTF-8");
                external.getResponseOutputWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response>"
                        + "<redirect url=\"" + target.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            } else {
                external.redirect(target);
            }
            context.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
