package dev.orion.platform.console;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link CorrelatedExceptionHandler} in front of the default handler (faces-config.xml). */
public class CorrelatedExceptionHandlerFactory extends ExceptionHandlerFactory {

    public CorrelatedExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new CorrelatedExceptionHandler(getWrapped().getExceptionHandler());
    }
}
