package dev.orion.platform.maintenance;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Run history of background tasks; each record is written in its own transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TaskRuns {

    @PersistenceContext
    EntityManager em;

    public long start(String task, String node) {
        var run = new TaskRun(task, node);
        em.persist(run);
        em.flush();
        return run.getId();
    }

    public void succeeded(long runId, String summary) {
        em.find(TaskRun.class, runId).succeeded(summary);
    }

    public void failed(long runId, String error) {
        em.find(TaskRun.class, runId).failed(error);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TaskRun> latest(String task, int limit) {
        return em.createQuery("SELECT r FROM TaskRun r WHERE r.task = :task ORDER BY r.startedAt DESC", TaskRun.class)
                .setParameter("task", task).setMaxResults(limit).getResultList();
    }
}
