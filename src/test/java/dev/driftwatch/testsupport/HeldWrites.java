package dev.driftwatch.testsupport;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * EC2 for a replica that is to die in the middle of a write: RevokeSecurityGroupIngress reaches moto (the write
 * happens), and then its answer is held back until {@link #stop()}, so the replica is still waiting for it when
 * the test kills it. Counts the writes that reached moto. Started by the test itself, for that replica only.
 */
public class HeldWrites extends MotoFront {

    private final AtomicInteger writes = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);

    public HeldWrites() {
        super("ec2");
    }

    public int writes() {
        return writes.get();
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        if (!form.contains("Action=RevokeSecurityGroupIngress")) {
            return moto.get();
        }
        Reply written = moto.get();
        writes.incrementAndGet();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return written;
    }

    @Override
    public void stop() {
        released.countDown();
        super.stop();
    }
}
