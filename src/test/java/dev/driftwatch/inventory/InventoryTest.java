package dev.driftwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InventoryTest {

    @Test
    void theDeadlineIsNamedAsTheSettingIsWritten() {
        assertThat(Inventory.human(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Inventory.human(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Inventory.human(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Inventory.human(Duration.ofMillis(500))).isEqualTo("500ms");
    }
}
