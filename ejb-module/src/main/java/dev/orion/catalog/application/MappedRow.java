package dev.orion.catalog.application;

import dev.orion.platform.imports.RowWarning;
import java.util.List;

/** A feed row turned into a product, with the warnings about optional data that had to be dropped. */
public record MappedRow(ProductUpsert product, List<RowWarning> warnings) {
}
