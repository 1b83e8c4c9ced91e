package dev.orion.platform.flags;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;

/** The {@code feature_flags} rows: the truth every cache is refilled from. */
@Stateless
public class FlagSettingStore {

    @PersistenceContext
    EntityManager em;

    /**
     * Every stored value, read outside the caller's transaction: a flag read in the middle of a use case must not
     * mark that use case's transaction for rollback if the database fails.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public FlagSnapshot snapshot() {
        long loadedAt = System.currentTimeMillis();
        var values = new HashMap<String, Boolean>();
        all().forEach(s -> values.put(FlagSnapshot.key(s.name(), s.vendorId()), s.enabled()));
        return new FlagSnapshot(loadedAt, values);
    }

    public List<FlagSetting> all() {
        return em.createQuery("SELECT s FROM FlagSetting s ORDER BY s.name, s.vendorId NULLS FIRST", FlagSetting.class).getResultList();
    }

    /** Inserts or replaces one value in one statement, so two people setting the same flag at once both succeed. */
    public void put(String name, Long vendorId, boolean enabled, String updatedBy) {
        String sql = vendorId == null
                ? "INSERT INTO feature_flags (name, enabled, updated_by) VALUES (?1, ?2, ?3) ON CONFLICT (name) WHERE vendor_id IS NULL "
                : "INSERT INTO feature_flags (name, enabled, updated_by, vendor_id) VALUES (?1, ?2, ?3, ?4) "
                        + "ON CONFLICT (name, vendor_id) WHERE vendor_id IS NOT NULL ";
        var upsert = em.createNativeQuery(sql + "DO UPDATE SET enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = now()")
                .setParameter(1, name).setParameter(2, enabled).setParameter(3, updatedBy);
        if (vendorId != null) {
            upsert.setParameter(4, vendorId);
        }
        upsert.executeUpdate();
    }

    /** Removes one value; whether there was one. */
    public boolean remove(String name, Long vendorId) {
        var delete = vendorId == null
                ? em.createQuery("DELETE FROM FlagSetting s WHERE s.name = :name AND s.vendorId IS NULL")
                : em.createQuery("DELETE FROM FlagSetting s WHERE s.name = :name AND s.vendorId = :vendor").setParameter("vendor", vendorId);
        return delete.setParameter("name", name).executeUpdate() > 0;
    }
}
