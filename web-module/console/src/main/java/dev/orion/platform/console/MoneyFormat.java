package dev.orion.platform.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;

/**
 * Formats an amount in its own currency for the reader's language: {@code #{money.text(row.total(), row.currency())}}.
 * f:convertNumber cannot do this in tables, where each row has its own currency: a converter's attributes are
 * read once, when the view is built, outside the row.
 */
@Named("money")
@ApplicationScoped
public class MoneyFormat {

    public String text(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(FacesContext.getCurrentInstance().getViewRoot().getLocale());
        try {
            format.setCurrency(Currency.getInstance(currency.strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + " " + currency; // a code Java does not know is shown as stored
        }
        return format.format(amount);
    }
}
