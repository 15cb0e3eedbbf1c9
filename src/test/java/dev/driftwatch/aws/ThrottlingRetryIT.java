package dev.driftwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.driftwatch.testsupport.Moto;
import dev.driftwatch.testsupport.MotoAws;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Throttling on the wire: EC2 answers RequestLimitExceeded twice (as AWS does under load), then moto
 * answers. The call still succeeds, and both the requests and the retries are counted. moto never
 * throttles, so a small proxy in front of it gives the two refusals.
 */
class ThrottlingRetryIT {

    private static final String THROTTLED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors>
            <RequestID>00000000-0000-4000-8000-000000000000</RequestID></Response>""";

    private final AtomicInteger refusalsLeft = new AtomicInteger(2);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HttpServer proxy;
    private AwsClients clients;

    @BeforeEach
    void start() throws IOException {
        Moto.reset();
        proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        proxy.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            int status;
            if (refusalsLeft.getAndDecrement() > 0) {
                status = 503;
                answer = THROTTLED.getBytes(StandardCharsets.UTF_8);
            } else {
                HttpResponse<byte[]> moto = forward(body, exchange.getRequestHeaders());
                status = moto.statusCode();
                answer = moto.body();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        proxy.start();
        clients = new AwsClients(
                config(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort())),
                new AwsApiCallCounter(registry));
    }

    @AfterEach
    void stop() {
        clients.close();
        proxy.stop(0);
    }

    @Test
    void throttledCallsAreRetriedAndCounted() {
        Ec2Client ec2 = clients.client(
                new ClientKey(Purpose.READ, "123456789012", "default", "us-east-1", "ec2"),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Ec2Client::builder);

        assertThat(ec2.describeSecurityGroups().securityGroups()).isNotEmpty(); // moto's default group

        assertThat(count("driftwatch.aws.requests")).isEqualTo(3);
        assertThat(count("driftwatch.aws.retries")).isEqualTo(2);
    }

    private double count(String name) {
        return registry.get(name)
                .tag("operation", "DescribeSecurityGroups")
                .counter()
                .count();
    }

    /** moto tells services apart by the signature's credential scope: pass the headers on. */
    private static HttpResponse<byte[]> forward(byte[] body, com.sun.net.httpserver.Headers headers)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(Moto.URL + "/")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, values) -> {
            if (!java.util.Set.of("host", "content-length", "connection", "expect")
                    .contains(name.toLowerCase())) {
                values.forEach(v -> request.header(name, v));
            }
        });
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** moto's settings with the endpoint of the throttling proxy. */
    private static AwsConfig config(URI endpoint) {
        return new MotoAws() {
            @Override
            public Optional<URI> endpointOverride() {
                return Optional.of(endpoint);
            }
        };
    }
}
