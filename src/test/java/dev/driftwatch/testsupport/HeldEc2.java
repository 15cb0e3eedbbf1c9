package dev.driftwatch.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * EC2 in front of moto, able to hold back the answer to one {@code DescribeSecurityGroups} call: a scan then
 * stays in the middle of reading the cloud until the test lets it go, with what moto said at that moment.
 */
public class HeldEc2 extends MotoFront {

    private static final AtomicBoolean ARMED = new AtomicBoolean();
    private static volatile CountDownLatch holding = new CountDownLatch(1);
    private static volatile CountDownLatch release = new CountDownLatch(0);

    public HeldEc2() {
        super("ec2");
    }

    /** The next DescribeSecurityGroups answer is held until {@link #release()}. */
    public static void holdNext() {
        holding = new CountDownLatch(1);
        release = new CountDownLatch(1);
        ARMED.set(true);
    }

    /** Waits until a scan's call is being held. */
    public static void awaitHolding() throws InterruptedException {
        if (!holding.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no DescribeSecurityGroups call came within 60 s");
        }
    }

    public static void release() {
        release.countDown();
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        Reply reply = moto.get();
        if (form.contains("Action=DescribeSecurityGroups") && ARMED.compareAndSet(true, false)) {
            holding.countDown();
            try {
                release.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return reply;
    }
}
