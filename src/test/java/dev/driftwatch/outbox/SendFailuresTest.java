package dev.driftwatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendFailuresTest {

    @Test
    void refusalsForGoodArePermanentAlsoWhenWrapped() {
        assertThat(SendFailures.permanent(new ExecutionException(new RecordTooLargeException("too large"))))
                .isTrue();
        assertThat(SendFailures.permanent(new InvalidRecordException("bad"))).isTrue();
        assertThat(SendFailures.permanent(new KafkaException(new TopicAuthorizationException("denied"))))
                .isTrue();
    }

    @Test
    void whatMayPassOrIsUnknownIsNeverPermanent() {
        assertThat(SendFailures.permanent(
                        new ExecutionException(new org.apache.kafka.common.errors.TimeoutException("expired"))))
                .isFalse();
        assertThat(SendFailures.permanent(new TimeoutException())).isFalse();
        assertThat(SendFailures.permanent(new NetworkException("disconnected"))).isFalse();
        assertThat(SendFailures.permanent(new NotLeaderOrFollowerException("moved")))
                .isFalse();
        assertThat(SendFailures.permanent(new IllegalStateException("something else")))
                .isFalse();
    }

    @Test
    void describesTheInnermostCauseCutShort() {
        assertThat(SendFailures.describe(new ExecutionException(new RecordTooLargeException("2000123 bytes"))))
                .isEqualTo("RecordTooLargeException: 2000123 bytes");
        assertThat(SendFailures.describe(new KafkaException("x".repeat(5000)))).hasSize(2003);
    }
}
