package dev.driftwatch.testsupport;

import java.util.function.Supplier;

/**
 * IAM as the service sees it in {@code RootAccessKeysIT}: moto, except that GetAccountSummary reports the
 * root user's access keys when a test says the root user has some. Root keys cannot be created through
 * the API (only the root user can, in the console), so moto always reports none.
 */
public class IamRootKeys extends MotoFront {

    private static final String NO_ROOT_KEYS = "<key>AccountAccessKeysPresent</key><value>0</value>";
    private static volatile boolean rootHasKeys;

    public IamRootKeys() {
        super("iam");
    }

    public static void rootHasKeys(boolean present) {
        rootHasKeys = present;
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        Reply reply = moto.get();
        if (!rootHasKeys || !form.contains("Action=GetAccountSummary")) {
            return reply;
        }
        if (!reply.body().contains(NO_ROOT_KEYS)) {
            throw new IllegalStateException("moto's account summary changed shape: " + reply.body());
        }
        return new Reply(reply.status(), reply.body().replace(NO_ROOT_KEYS, NO_ROOT_KEYS.replace("0", "1")));
    }
}
