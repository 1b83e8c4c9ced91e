package dev.orion.catalog.imports;

import dev.orion.catalog.application.FeedRow;
import dev.orion.catalog.application.FeedRowMapper;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.inject.Inject;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

/** Validates and maps each row; a broken row throws a skippable RejectedRowException. */
@Named
@Dependent
public class ProductRowProcessor implements ItemProcessor {

    @Inject
    FeedRowMapper mapper;

    @Override
    public Object processItem(Object item) {
        return mapper.map((FeedRow) item);
    }
}
