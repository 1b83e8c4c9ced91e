package dev.orion.platform.imports;

/**
 * A feed an import cannot go on reading (a record over the limit with no next record to resume at, a gzip
 * that unpacks too far, XML the parser refuses): the import FAILS with this message as its exit status.
 */
public class FeedRefusedException extends RuntimeException {

    public FeedRefusedException(String message) {
        super(message);
    }
}
