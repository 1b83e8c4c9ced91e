package dev.orion.platform.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Stores objects in an S3-compatible bucket (AWS S3, Cloudflare R2, MinIO). Reads stream from the bucket and
 * writes stream into it part by part ({@link S3UploadStream}), so a 1 GB upload never sits in memory.
 */
public class S3StorageBackend implements StorageBackend, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final S3Keys keys;
    private final String location;

    S3StorageBackend(S3Client s3, String bucket, S3Keys keys, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keys = keys;
        this.location = "s3://" + bucket + "/" + keys.prefix() + (endpoint.isBlank() ? "" : " at " + endpoint);
    }

    /** The bucket exists and these credentials may use it; a clear message when not. */
    void verify() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            String why = switch (e.statusCode()) {
                case 404 -> "the bucket does not exist";
                case 301, 400 -> "the bucket is in another region than ORION_STORAGE_S3_REGION, or the endpoint is wrong";
                case 401, 403 -> "access denied: check ORION_STORAGE_S3_ACCESS_KEY and ORION_STORAGE_S3_SECRET_KEY";
                default -> "HTTP " + e.statusCode();
            };
            throw new StorageNotUsableException("S3 storage " + location + " is not usable: " + why, e);
        } catch (SdkException e) {
            throw new StorageNotUsableException("S3 storage " + location + " is not reachable: " + e.getMessage(), e);
        }
    }

    @Override
    public OutputStream create(String key) {
        return new S3UploadStream(s3, bucket, keys.objectKey(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(r -> r.bucket(bucket).key(keys.objectKey(key)));
        } catch (S3Exception e) {
            throw e.statusCode() == 404 ? new NoSuchFileException(key) : new IOException("Cannot read " + key + " from " + location, e);
        } catch (SdkException e) {
            throw new IOException("Cannot read " + key + " from " + location, e);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(keys.objectKey(key)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return s3.headObject(r -> r.bucket(bucket).key(keys.objectKey(key))).contentLength();
        } catch (S3Exception e) {
            throw e.statusCode() == 404 ? new NoSuchFileException(key) : new IOException("Cannot stat " + key + " in " + location, e);
        } catch (SdkException e) {
            throw new IOException("Cannot stat " + key + " in " + location, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(keys.objectKey(key)));
        } catch (SdkException e) {
            throw new IOException("Cannot delete " + key + " from " + location, e);
        }
    }

    @Override
    public String probe() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("bucket " + bucket + " not reachable: " + e.getMessage(), e);
        }
        return StorageBackend.super.probe();
    }

    @Override
    public String describe() {
        return location;
    }

    @Override
    public void close() {
        s3.close();
    }
}
