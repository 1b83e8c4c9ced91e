package dev.orion.identity.application;

import dev.orion.platform.audit.Actor;
import dev.orion.platform.audit.AuditLog;
import dev.orion.platform.storage.SecretFiles;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * The RSA key that signs API tokens. It is read from {@code ORION_JWT_KEY_DIR}; on first start (a dev
 * machine) a key pair is generated there and never committed. The public half is published as a JWKS file,
 * which MicroProfile JWT verifies against, selecting the key by {@code kid}.
 *
 * <p>In a cluster the directory is shared (docs/cluster.md), and it is the one truth: every node signs with the key
 * in the file, re-read as soon as the file changes (a rotation on another node), and a rotation keeps every key that
 * may have signed a token still alive ({@link PublishedKeys}), whichever node rotated.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN) // reads need no lock; rotate() is synchronized
public class JwtKeys {

    private static final Logger LOG = Logger.getLogger(JwtKeys.class.getName());
    static final String SIGNING_KEY_FILE = "signing-key.jwk.json";
    static final String PUBLIC_KEYS_FILE = "jwks.json";
    /** How often the signing key file is looked at: a rotation elsewhere is seen within this, not a stat per token. */
    static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    @Inject
    @ConfigProperty(name = "orion.jwt.key.dir", defaultValue = "${jboss.server.data.dir}/orion/keys")
    String keyDirectory;

    @Inject
    AuditLog audit;

    private volatile RsaJsonWebKey signingKey;
    private volatile FileTime signingKeyWritten;
    private volatile long nextCheck;
    LongSupplier nanoTime = System::nanoTime;

    @PostConstruct
    void load() {
        nextCheck = nanoTime.getAsLong() + CHECK_EVERY_NANOS;
        try {
            Path dir = Path.of(keyDirectory);
            Path signing = dir.resolve(SIGNING_KEY_FILE);
            if (Files.exists(signing)) {
                readSigningKey(signing);
            } else {
                signingKey = generate(dir, signing);
                signingKeyWritten = Files.getLastModifiedTime(signing);
            }
            publishPublicKey(dir);
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("Cannot load the JWT signing key from ORION_JWT_KEY_DIR=" + keyDirectory + ": " + e.getMessage(), e);
        }
    }

    private RsaJsonWebKey generate(Path dir, Path signing) throws JoseException, IOException {
        SecretFiles.createDirectory(dir);
        RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("orion-" + System.currentTimeMillis());
        key.setAlgorithm("RS256");
        key.setUse("sig");
        // owner-only from its first byte, and swapped in whole: another node may be reading the shared file
        SecretFiles.replace(signing, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        LOG.info(() -> "Generated a new JWT signing key " + key.getKeyId() + " in " + dir);
        return key;
    }

    /** Publishes the signing key's public half, keeping public keys already listed (rotation keeps old ones). */
    private void publishPublicKey(Path dir) throws IOException, JoseException {
        Path jwksFile = dir.resolve(PUBLIC_KEYS_FILE);
        JsonWebKeySet set = Files.exists(jwksFile) ? new JsonWebKeySet(Files.readString(jwksFile)) : new JsonWebKeySet();
        if (set.findJsonWebKey(signingKey.getKeyId(), null, null, null) == null) {
            set.addJsonWebKey(publicHalf(signingKey));
            SecretFiles.replace(jwksFile, set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        }
    }

    /**
     * Starts signing with a new key, on every node sharing the directory. The public keys file keeps every key
     * retired less than a token lifetime ago ({@link PublishedKeys}), so tokens signed before the rotation, here or
     * on another node, stay valid until they expire (15 minutes at most). The rotation is recorded in the audit log
     * for {@code who}.
     */
    public synchronized String rotate(Actor who) {
        try {
            Path dir = Path.of(keyDirectory);
            nextCheck = nanoTime.getAsLong(); // the key being retired is the file's now, whoever rotated last
            RsaJsonWebKey previous = signingKey();
            Path signing = dir.resolve(SIGNING_KEY_FILE);
            RsaJsonWebKey next = generate(dir, signing);
            Path jwksFile = dir.resolve(PUBLIC_KEYS_FILE);
            JsonWebKeySet published = Files.exists(jwksFile) ? new JsonWebKeySet(Files.readString(jwksFile)) : new JsonWebKeySet();
            var set = PublishedKeys.afterRotation(published, publicHalf(previous), publicHalf(next), Instant.now());
            SecretFiles.replace(jwksFile, set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            signingKey = next;
            signingKeyWritten = Files.getLastModifiedTime(signing);
            List<String> accepted = set.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).filter(id -> !id.equals(next.getKeyId())).toList();
            LOG.info(() -> "JWT signing key rotated: now " + next.getKeyId() + ", still accepting " + String.join(", ", accepted));
            audit.record(who, null, "jwt-key.rotate", "jwt-key", signingKey.getKeyId(), null);
            return signingKey.getKeyId();
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("Key rotation failed: " + e.getMessage(), e);
        }
    }

    private static RsaJsonWebKey publicHalf(RsaJsonWebKey key) throws JoseException {
        RsaJsonWebKey publicOnly = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(key.getRsaPublicKey());
        publicOnly.setKeyId(key.getKeyId());
        publicOnly.setAlgorithm("RS256");
        publicOnly.setUse("sig");
        return publicOnly;
    }

    /**
     * The key to sign with now: the one in the shared file, re-read when another node rotated it. The file's time is
     * looked at once a second at most: a token issued in between signs with the key in hand, which is in the
     * published set whichever node rotated.
     */
    public RsaJsonWebKey signingKey() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck < 0) {
            return signingKey;
        }
        nextCheck = now + CHECK_EVERY_NANOS;
        Path signing = Path.of(keyDirectory, SIGNING_KEY_FILE);
        try {
            if (!Files.getLastModifiedTime(signing).equals(signingKeyWritten)) {
                synchronized (this) {
                    readSigningKey(signing);
                }
            }
        } catch (IOException | JoseException e) {
            // keep signing with the key in hand: it is still in the published set, and the next call tries again
            LOG.warning(() -> "JWT signing key file " + signing + " not re-read (" + e.getMessage() + "); signing with " + signingKey.getKeyId());
        }
        return signingKey;
    }

    private void readSigningKey(Path signing) throws IOException, JoseException {
        FileTime written = Files.getLastModifiedTime(signing);
        RsaJsonWebKey read = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(signing));
        RsaJsonWebKey before = signingKey;
        signingKey = read;
        signingKeyWritten = written;
        if (before != null && !before.getKeyId().equals(read.getKeyId())) {
            LOG.info(() -> "JWT signing key " + read.getKeyId() + " taken from " + signing + " (rotated on another node)");
        }
    }
}
