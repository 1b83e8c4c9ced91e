package dev.orion.vendors.rest;

import dev.orion.platform.InvalidRequestException;
import dev.orion.platform.rest.ApiCaller;
import dev.orion.vendors.application.VendorAdministration;
import dev.orion.vendors.application.VendorDetails;
import dev.orion.vendors.application.VendorDirectory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The calling vendor: its profile, read-only but for the settings a vendor runs its own shop with (today the low-stock
 * threshold); name, VAT rate and the rest stay with the platform's administrators. Platform clients name the vendor
 * with {@code ?vendor=}.
 */
@Path("vendor")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "vendor")
public class VendorResource {

    @Inject
    VendorDirectory vendors;

    @Inject
    VendorAdministration administration;

    @Inject
    ApiCaller caller;

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "Vendor",
            example = "{\"id\":1,\"code\":\"northwind\",\"name\":\"Northwind\",\"locale\":\"en\",\"vat_rate\":20.00,\"low_stock_threshold\":5}")
    public record VendorJson(long id, String code, String name, String locale, BigDecimal vatRate, int lowStockThreshold) {

        static VendorJson of(VendorDetails v) {
            return new VendorJson(v.id(), v.code(), v.name(), v.locale(), v.vatRate(), v.lowStockThreshold());
        }
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "VendorPatch")
    public record VendorPatch(Integer lowStockThreshold) {
    }

    @GET
    @Operation(operationId = "getVendor", summary = "Get the vendor and its settings")
    public VendorJson get(@QueryParam("vendor") Long vendor) {
        return VendorJson.of(details(caller.vendorScope(vendor)));
    }

    /** Changes the fields given; {@code low_stock_threshold} (0 to 1,000,000 units) counts for the next stock change. */
    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "patchVendor", summary = "Change the vendor's own settings")
    public VendorJson patch(VendorPatch body, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        details(vendorId);
        if (body == null || body.lowStockThreshold() == null) {
            throw new InvalidRequestException("Nothing to change: the settings a vendor changes are low_stock_threshold");
        }
        return VendorJson.of(administration.changeLowStockThreshold(caller.actor(), vendorId, body.lowStockThreshold()));
    }

    private VendorDetails details(long vendorId) {
        return vendors.details(vendorId).orElseThrow(() -> new NotFoundException("No vendor " + vendorId));
    }
}
