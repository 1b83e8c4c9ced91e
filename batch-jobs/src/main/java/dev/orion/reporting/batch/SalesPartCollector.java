package dev.orion.reporting.batch;

import jakarta.batch.api.partition.PartitionCollector;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** Sends a partition's figures to the analyzer on the step's main thread. */
@Named
@Dependent
public class SalesPartCollector implements PartitionCollector {

    @Inject
    StepContext step;

    @Override
    public Serializable collectPartitionData() {
        return (Serializable) step.getTransientUserData();
    }
}
