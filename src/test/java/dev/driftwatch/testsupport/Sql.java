package dev.driftwatch.testsupport;

import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC on a test database, to look at or hold what the service wrote, as an operator with psql would. */
public final class Sql {

    private Sql() {}

    /** The database of the running test instance. */
    public static String testDatabase() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "driftwatch", "driftwatch");
    }

    /** Rows of a query, each as its columns. */
    public static List<List<Object>> rows(String url, String sql, Object... params) {
        try (Connection connection = connect(url);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= result.getMetaData().getColumnCount(); c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public static void execute(String url, String sql) {
        try (Connection connection = connect(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The events the outbox holds for one key, oldest first, as "type vN" (N the finding's version). */
    public static List<String> findingEvents(String url, String fingerprint) {
        return rows(url, "select payload from outbox_event where message_key = ? order by id", fingerprint).stream()
                .map(r -> new JsonPath((String) r.get(0)))
                .map(e -> e.getString("type") + " v" + e.getInt("data.version"))
                .toList();
    }

    /** Waits until a statement of another session is waiting for a lock on this table. */
    public static boolean waitingOn(String url, String table) {
        return !rows(
                        url,
                        "select pid from pg_stat_activity where wait_event_type = 'Lock' and query ilike ?",
                        "%" + table + "%")
                .isEmpty();
    }
}
