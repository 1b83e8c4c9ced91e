package dev.orion.billing.rest;

import dev.orion.billing.application.InvoiceView;
import dev.orion.billing.application.OrderInvoices;
import dev.orion.platform.rest.ApiCaller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** An order's invoice: issue it (numbered, PDF kept, emailed to the customer) and read or download it. */
@Path("orders/{orderId}/invoice")
@RolesAllowed({"vendor", "platform"})
@SecurityRequirement(name = "bearer")
@Tag(name = "invoices")
public class OrderInvoiceResource {

    @Inject
    OrderInvoices invoices;

    @Inject
    ApiCaller caller;

    @Context
    UriInfo uri;

    @Schema(name = "Invoice", example = "{\"id\":311,\"number\":\"2026-000311\",\"order_id\":1042,\"issued_on\":\"2026-02-03\",\"net\":\"21.01\",\"vat\":\"3.99\",\"total\":\"25.00\",\"currency\":\"EUR\",\"pdf_url\":\"/api/v1/orders/1042/invoice/pdf\"}")
    public record InvoiceJson(long id, String number, long orderId, LocalDate issuedOn, String net, String vat,
                              String total, String currency, String pdfUrl) {
    }

    /** Issues the order's invoice and emails it: 201 the first time, 200 with the same invoice afterwards. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Invoice issued and emailed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceJson.class)))
    @APIResponse(responseCode = "200", description = "The order's invoice, issued before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InvoiceJson.class)))
    @Operation(operationId = "issueInvoice", summary = "Issue the invoice of an order")
    public Response issue(@PathParam("orderId") long orderId, @QueryParam("vendor") Long vendor) {
        long vendorId = caller.vendorScope(vendor);
        var issued = invoices.issue(caller.actor(), vendorId, orderId).orElseThrow(NotFoundException::new);
        if (!issued.created()) {
            return Response.ok(json(issued.invoice())).build();
        }
        return Response.created(uri.getAbsolutePath()).entity(json(issued.invoice())).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getInvoice", summary = "Get the invoice of an order")
    public InvoiceJson get(@PathParam("orderId") long orderId, @QueryParam("vendor") Long vendor) {
        return invoices.find(caller.vendorScope(vendor), orderId).map(this::json).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("pdf")
    @Produces("application/pdf")
    @APIResponse(responseCode = "200", description = "The invoice as a PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @Operation(operationId = "getInvoicePdf", summary = "Download the invoice of an order as PDF")
    public Response pdf(@PathParam("orderId") long orderId, @QueryParam("vendor") Long vendor) {
        InvoiceView invoice = invoices.find(caller.vendorScope(vendor), orderId).orElseThrow(NotFoundException::new);
        StreamingOutput body = out -> {
            try (InputStream in = invoices.open(invoice)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + invoice.fileName() + "\"").build();
    }

    private InvoiceJson json(InvoiceView i) {
        String pdf = uri.getBaseUriBuilder().path(OrderInvoiceResource.class).path("pdf").build(i.orderId()).toString();
        return new InvoiceJson(i.id(), i.number(), i.orderId(), i.issuedOn(), plain(i.net()), plain(i.vat()),
                plain(i.total()), i.currency(), pdf);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }
}
