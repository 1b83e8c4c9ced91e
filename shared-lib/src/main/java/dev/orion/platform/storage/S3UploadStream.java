package dev.orion.platform.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one object: small objects with a single PUT, larger ones as a multipart upload of {@link #PART_SIZE}
 * parts, so memory holds one part at most. Closing the stream completes the object; a failed upload is
 * aborted so that the bucket keeps no orphaned parts.
 */
final class S3UploadStream extends OutputStream {

    /** Above S3's 5 MiB minimum part; 10,000 parts (S3's limit) allow objects up to 80 GiB. */
    static final int PART_SIZE = 8 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private byte[] buffer = new byte[64 * 1024]; // grows up to one part: a small report needs no 8 MiB
    private final List<CompletedPart> parts = new ArrayList<>();
    private int filled;
    private String uploadId;
    private boolean closed;

    S3UploadStream(S3Client s3, String bucket, String key) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == PART_SIZE) {
            uploadPart();
        }
        room(1);
        buffer[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (filled == PART_SIZE) {
                uploadPart();
            }
            int n = Math.min(length, PART_SIZE - filled);
            room(n);
            System.arraycopy(bytes, offset, buffer, filled, n);
            filled += n;
            offset += n;
            length -= n;
        }
    }

    private void room(int more) {
        if (filled + more > buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, Math.min(PART_SIZE, Math.max(buffer.length * 2, filled + more)));
        }
    }

    private void uploadPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
            }
            int number = parts.size() + 1;
            String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            filled = 0;
        } catch (SdkException e) {
            abort();
            throw new IOException("Upload of " + key + " to bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (uploadId == null) {
            try {
                s3.putObject(r -> r.bucket(bucket).key(key),
                        RequestBody.fromInputStream(new ByteArrayInputStream(buffer, 0, filled), filled));
                return;
            } catch (SdkException e) {
                throw new IOException("Upload of " + key + " to bucket " + bucket + " failed", e);
            }
        }
        if (filled > 0) {
            uploadPart();
        }
        try {
            s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(u -> u.parts(parts)));
        } catch (SdkException e) {
            abort();
            throw new IOException("Upload of " + key + " to bucket " + bucket + " failed", e);
        }
    }

    private void abort() {
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            } catch (SdkException ignored) {
                // the bucket's lifecycle rule for incomplete uploads is the last resort (docs/storage.md)
            }
            uploadId = null;
        }
        closed = true;
    }
}
