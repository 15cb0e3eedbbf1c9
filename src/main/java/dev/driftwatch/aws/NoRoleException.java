package dev.driftwatch.aws;

/**
 * A session was asked for a purpose that has no role in the account: refused, never served with another
 * purpose's credentials.
 */
public final class NoRoleException extends IllegalStateException {

    private final Purpose purpose;
    private final String account;

    NoRoleException(Purpose purpose, String account, String property) {
        super("No " + purpose.key() + " role is configured for account " + account + ": set " + property
                + "; driftwatch does not use another purpose's credentials for " + purpose.key());
        this.purpose = purpose;
        this.account = account;
    }

    public Purpose purpose() {
        return purpose;
    }

    public String account() {
        return account;
    }
}
