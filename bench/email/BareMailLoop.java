import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Properties;

/**
 * The email benchmark's baseline: the same kind of message Orion sends (text and HTML alternatives), sent with
 * Jakarta Mail in a plain loop, one connection per message, to the same SMTP sink. Prints the seconds taken.
 *   java -cp 'lib/*' BareMailLoop.java <count> <host> <port>
 */
public class BareMailLoop {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        var properties = new Properties();
        properties.setProperty("mail.smtp.host", args[1]);
        properties.setProperty("mail.smtp.port", args[2]);
        properties.setProperty("mail.from", "orion@localhost");
        Session session = Session.getInstance(properties);
        long start = System.nanoTime();
        for (int i = 1; i <= count; i++) {
            var message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("bare" + i + "@bench.example", true));
            message.setSubject("Your order " + i + " at Benchmark is confirmed", "UTF-8");
            message.setHeader("X-Orion-Dedupe-Key", "bare:" + i);
            var text = new MimeBodyPart();
            text.setText("Hello Bench Customer,\n\nwe have confirmed your order " + i + ".\nTotal: 19.90 EUR\n\nThank you for shopping at Benchmark.\n", "UTF-8");
            var html = new MimeBodyPart();
            html.setContent("<p>Hello Bench Customer,</p><p>we have confirmed your order <strong>" + i
                    + "</strong>.</p><p>Total: 19.90 EUR</p><p>Thank you for shopping at Benchmark.</p>", "text/html; charset=UTF-8");
            var alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            Transport.send(message);
        }
        System.out.println((System.nanoTime() - start) / 1e9);
    }
}
