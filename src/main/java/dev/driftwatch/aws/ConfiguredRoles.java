package dev.driftwatch.aws;

import java.util.Optional;

/**
 * The roles of one purpose where another part configures them itself (the inventory's account list for
 * {@link Purpose#READ}); a bean implementing this wins over {@code driftwatch.aws.purposes.<purpose>}.
 */
public interface ConfiguredRoles {

    Purpose purpose();

    /** The account's role for {@link #purpose()}; empty when none is configured for that account. */
    Optional<AccountRole> role(String account);

    /** The property an operator sets to give an account a role, for the refusal's message. */
    String property();
}
