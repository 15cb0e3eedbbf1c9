package dev.driftwatch.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFullBucketServesItsMinuteThenSaysWhenTheNextTokenComes() {
        RequestBucket bucket = new RequestBucket(60, 0);
        for (int i = 0; i < 60; i++) {
            assertThat(bucket.take(0)).as("request %d", i).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(1000);
        assertThat(bucket.take(SECOND / 2)).isEqualTo(500);
        assertThat(bucket.take(SECOND)).isZero();
    }

    @Test
    void aTickThatRunsBackNeitherStarvesNorFreesTheCaller() {
        RequestBucket bucket = new RequestBucket(60, 100 * SECOND);
        assertThat(bucket.take(100 * SECOND)).isZero();
        // 59 tokens left; a tick an hour earlier must not take an hour's worth of tokens away
        for (int i = 0; i < 59; i++) {
            assertThat(bucket.take(100 * SECOND - 3600 * SECOND))
                    .as("request %d", i)
                    .isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(1000);
        // and the refill resumes from the latest tick seen, not from the earlier one
        assertThat(bucket.take(101 * SECOND)).isZero();
    }
}
