package dev.driftwatch.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL cluster the tests may restart (bin/test creates it with ensure_fence_postgres: cluster
 * "fence", port 5433), so that the shared cluster is never restarted under other tests. Tests that need it
 * fail when it is not there.
 */
public final class FenceDatabase {

    public static final String URL = System.getenv()
            .getOrDefault("DRIFTWATCH_FENCE_DB_URL", "jdbc:postgresql://127.0.0.1:5433/driftwatch_fence");

    private FenceDatabase() {}

    /** An empty schema: the service under test migrates it at start, whatever an earlier run left there. */
    public static void clear() {
        Sql.execute(URL, "drop schema if exists public cascade; create schema public");
    }

    /** Restarts the cluster (as root: pg_ctlcluster drops to the postgres user itself). */
    public static void restart() throws IOException, InterruptedException {
        String version = new String(
                        new ProcessBuilder("sh", "-c", "pg_lsclusters -h | awk '$2 == \"fence\" {print $1}'")
                                .start()
                                .getInputStream()
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .strip();
        Process restart = new ProcessBuilder(List.of("pg_ctlcluster", version, "fence", "restart"))
                .inheritIO()
                .start();
        if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster " + version + " fence restart failed");
        }
    }
}
