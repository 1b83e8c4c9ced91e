package dev.orion.notifications.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Turns an outbox entry's template name and model into the email's text. */
@ApplicationScoped
public class EmailComposer {

    public RenderedEmail compose(String template, String locale, String modelJson) {
        JsonObject model = Json.createReader(new StringReader(modelJson)).readObject();
        return switch (template) {
            case "order-confirmation" -> orderConfirmation(model);
            default -> throw new IllegalArgumentException("Unknown email template '" + template + "'");
        };
    }

    private RenderedEmail orderConfirmation(JsonObject model) {
        String subject = "Your order " + model.getJsonNumber("orderId") + " at " + model.getString("vendorName") + " is confirmed";
        String text = "Hello " + model.getString("customerName") + ",\n\n"
                + "we have confirmed your order " + model.getJsonNumber("orderId") + ".\n"
                + "Total: " + model.getString("total") + "\n\n"
                + "Thank you for shopping at " + model.getString("vendorName") + ".\n";
        String html = "<p>Hello " + escape(model.getString("customerName")) + ",</p>"
                + "<p>we have confirmed your order <strong>" + model.getJsonNumber("orderId") + "</strong>.</p>"
                + "<p>Total: " + escape(model.getString("total")) + "</p>"
                + "<p>Thank you for shopping at " + escape(model.getString("vendorName")) + ".</p>";
        return new RenderedEmail(subject, text, html);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
