package dev.orion.platform.console;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.ActionSource2;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewAction;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.ActionEvent;
import jakarta.faces.event.ActionListener;
import java.util.logging.Logger;

/**
 * The console's default action listener, wrapped so that a read-only user (MONITOR, {@link ConsoleCaller#isReadOnly})
 * cannot invoke an action, whatever the page shows or a forged post names: every command with an action is refused
 * unless the page marks it {@value #READ_ONLY} (refresh, show a preview or a history). Page loads
 * ({@code f:viewAction}) only read. A refusal is a page message and one log line, and nothing is invoked.
 */
public class ReadOnlyActions implements ActionListener {

    /** The attribute (f:attribute) that marks a command that only reads. */
    public static final String READ_ONLY = "orion.readOnly";
    /** The console role that only reads (web.xml; {@link ConsoleCaller#isReadOnly} says the same of the user's row). */
    static final String READ_ONLY_ROLE = "MONITOR";
    private static final Logger LOG = Logger.getLogger(ReadOnlyActions.class.getName());

    private final ActionListener wrapped;

    /** Faces hands the default listener to this decorator (faces-config.xml, action-listener). */
    public ReadOnlyActions(ActionListener wrapped) {
        this.wrapped = wrapped;
    }

    @Override
    public void processAction(ActionEvent event) throws AbortProcessingException {
        UIComponent command = event.getComponent();
        // asked of the container, not of the signed-in user's row: the pages open to everyone (login, "forgot
        // password") post actions too, and have no user to look up
        if (changes(command) && event.getFacesContext().getExternalContext().isUserInRole(READ_ONLY_ROLE)) {
            LOG.info(() -> "Console action refused: " + caller().getEmail() + " (read-only role) invoked " + command.getClientId()
                    + " on " + event.getFacesContext().getViewRoot().getViewId());
            new PageMessages("dev.orion.console.messages").refusal("readOnly.refused");
            return;
        }
        wrapped.processAction(event);
    }

    private static boolean changes(UIComponent command) {
        if (command instanceof UIViewAction || Boolean.parseBoolean(String.valueOf(command.getAttributes().get(READ_ONLY)))) {
            return false;
        }
        return !(command instanceof ActionSource2 source) || source.getActionExpression() != null || source.getActionListeners().length > 0;
    }

    private static ConsoleCaller caller() {
        return CDI.current().select(ConsoleCaller.class).get();
    }
}
