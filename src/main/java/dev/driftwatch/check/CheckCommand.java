package dev.driftwatch.check;

import io.quarkus.runtime.QuarkusApplication;
import java.util.List;

/** Runs one check with the arguments {@link DriftwatchMain} already validated, prints the report, returns the exit code. */
public class CheckCommand implements QuarkusApplication {

    private final OneShotCheck check;

    CheckCommand(OneShotCheck check) {
        this.check = check;
    }

    @Override
    public int run(String... args) {
        CheckArguments arguments = CheckArguments.parse(List.of(args));
        CheckResult result = check.run(arguments.accounts(), arguments.onlyManaged(), arguments.strict());
        System.out.print(
                arguments.format() == CheckArguments.Format.JSON
                        ? CheckReport.json(result)
                        : CheckReport.table(result));
        System.out.flush();
        return result.exitCode();
    }
}
