-- Fencing (docs/cluster.md, "Fencing a node taken for dead"). Each server joins with a fresh epoch from this
-- sequence; it renews its lease only while its row still carries that epoch, and every job chunk it commits
-- checks the epoch in the chunk's transaction. The survivor that claims a silent server deletes its row, so the
-- silent server's next heartbeat, and every chunk it tries to commit, finds its epoch gone.
CREATE SEQUENCE cluster_epochs;
ALTER TABLE cluster_nodes ADD COLUMN epoch BIGINT NOT NULL DEFAULT nextval('cluster_epochs');

-- A job execution (or step) that a survivor marked FAILED as interrupted stays so: the server it was taken from may
-- still be running it (a pause, not a death) and JBeret there would otherwise end it as COMPLETED or STOPPED over
-- the FAILED, which makes the restarted execution's predecessor look finished. Only abandoning it is let through.
CREATE FUNCTION keep_interrupted_executions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.batchstatus = 'FAILED' AND OLD.exitstatus LIKE 'Interrupted:%' AND NEW.batchstatus IS DISTINCT FROM 'ABANDONED' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- JBeret creates its tables when the server's job repository starts, before the deployment migrates; a schema
-- migrated beside another one in the same database (tests) finds the triggers there already. to_regclass, not a
-- ::regclass cast, in the EXISTS too: PostgreSQL folds a cast of a constant while planning, before the IF's first test
DO $$
BEGIN
    IF to_regclass('public.job_execution') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_trigger
            WHERE tgname = 'keep_interrupted' AND tgrelid = to_regclass('public.job_execution')) THEN
        CREATE TRIGGER keep_interrupted BEFORE UPDATE ON public.job_execution
            FOR EACH ROW EXECUTE FUNCTION keep_interrupted_executions();
    END IF;
    IF to_regclass('public.step_execution') IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_trigger
            WHERE tgname = 'keep_interrupted' AND tgrelid = to_regclass('public.step_execution')) THEN
        CREATE TRIGGER keep_interrupted BEFORE UPDATE ON public.step_execution
            FOR EACH ROW EXECUTE FUNCTION keep_interrupted_executions();
    END IF;
END
$$;
