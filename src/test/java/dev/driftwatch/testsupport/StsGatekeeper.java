package dev.driftwatch.testsupport;

import java.util.function.Supplier;

/**
 * STS as the service sees it in the multi-account tests: moto, except that AssumeRole of a role whose
 * name starts with {@code denied} is refused with AWS's own AccessDenied error. moto lets every role be
 * assumed, so this is the one answer it cannot give.
 */
public class StsGatekeeper extends MotoFront {

    private static final String DENIED = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error><Type>Sender</Type><Code>AccessDenied</Code>
                <Message>User: arn:aws:iam::123456789012:user/driftwatch is not authorized to perform: sts:AssumeRole on resource: %s</Message>
              </Error>
              <RequestId>4c1e2d3f-0000-4000-8000-000000000000</RequestId>
            </ErrorResponse>""";

    public StsGatekeeper() {
        super("sts");
    }

    @Override
    protected Reply answer(String form, Supplier<Reply> moto) {
        if (form.contains("Action=AssumeRole") && form.contains(":role/denied")) {
            return new Reply(403, DENIED.formatted(form.replaceAll("(?s).*RoleArn=([^&]*).*", "$1")));
        }
        return moto.get();
    }
}
