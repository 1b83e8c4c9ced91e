package dev.orion.platform.storage;

/** The configured storage cannot be used; the message names the location and the setting to check. */
public class StorageNotUsableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StorageNotUsableException(String message, Throwable cause) {
        super(message, cause);
    }
}
