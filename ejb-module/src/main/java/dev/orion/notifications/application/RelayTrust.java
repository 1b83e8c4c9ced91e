package dev.orion.notifications.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The certificates Orion trusts for its SMTP relay when the relay's CA is not one of the JVM's (a company relay
 * with a private CA): a PKCS#12 or JKS trust store, or a PEM file of CA certificates. The relay's certificate is
 * still checked against its host name; nothing here trusts all.
 */
final class RelayTrust {

    private RelayTrust() {
    }

    /** TLS sockets (SMTPS and STARTTLS) that trust exactly the certificates in {@code path}. */
    static SSLSocketFactory socketFactory(String path, String password) {
        try {
            var trusted = load(Path.of(path), password.toCharArray());
            var managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            managers.init(trusted);
            var context = SSLContext.getInstance("TLS");
            context.init(null, managers.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The SMTP relay's trust store " + path + " (ORION_SMTP_TRUST_STORE) cannot be read: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, char[] password) throws IOException, GeneralSecurityException {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(path)) {
                int i = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("relay-ca-" + i++, certificate);
                }
            }
            if (store.size() == 0) {
                throw new GeneralSecurityException("no certificate in the file");
            }
            return store;
        }
        return KeyStore.getInstance(path.toFile(), password); // PKCS#12 or JKS, whichever the file is
    }
}
