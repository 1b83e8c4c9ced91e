package dev.orion.catalog.rest;

import dev.orion.catalog.application.ProductCatalog;
import dev.orion.catalog.application.StockAdjustment;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stock changes in batches: all lines apply or none does, and stock never goes below zero. */
@Path("stock/adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "stock")
public class StockResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ApiCaller caller;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StockAdjustmentLine")
    public record Line(@NotBlank @Size(max = 100) String sku, @NotNull Integer delta, @NotBlank @Size(max = 200) String reason) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StockAdjustmentBatch")
    public record Batch(@NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> adjustments) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "StockAdjustmentResult")
    public record Result(List<ProductJson> data) {
    }

    @POST
    @Operation(operationId = "adjustStock", summary = "Adjust stock levels")
    public Result adjust(@Valid @NotNull Batch batch, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        var lines = batch.adjustments().stream().map(l -> new StockAdjustment(l.sku(), l.delta(), l.reason())).toList();
        var changed = catalog.adjustStock(vendorId, lines, caller.actor());
        return new Result(changed.stream().map(ProductJson::of).toList());
    }
}
