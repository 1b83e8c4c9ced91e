-- Webhook signing secrets are stored AES-GCM encrypted under ORION_SECRET_KEY ("enc:v1:" + Base64 of nonce and
-- ciphertext, some 110 characters for a whsec_ secret), bound to their vendor. Rows written before hold the plain
-- secret: it still signs, and the server encrypts it at startup once a key is set (PlaintextSecretsSealer).
ALTER TABLE webhook_endpoints ALTER COLUMN secret TYPE VARCHAR(500);
ALTER TABLE webhook_endpoints ALTER COLUMN previous_secret TYPE VARCHAR(500);
