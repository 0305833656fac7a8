package org.camelevolink.component.client;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camelevolink.component.client.ClientTests.await;

/** Settings, their defaults and checks, and the small rules (backoff, Retry-After, keys, origins) on their own. */
class ClientConfigTest {

    @Test
    void defaults() {
        EvolinkClientConfig c = EvolinkClientConfig.builder().apiKey("sk-x").build();
        assertThat(c.baseUrl()).isEqualTo("https://api.evolink.ai");
        assertThat(c.filesBaseUrl()).isEqualTo("https://files-api.evolink.ai");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.responseTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.maxResponseBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(c.readRetry()).isEqualTo(new RetryPolicy(3, Duration.ofMillis(500), 2, Duration.ofSeconds(30)));
        assertThat(c.maxSubmitRetries()).isEqualTo(2);
        assertThat(c.userAgent()).isNotBlank();
        assertThat(c.sslContext()).isNull();
        assertThat(c.proxyHost()).isNull();
        assertThat(c.scheduler()).isNull();
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> EvolinkClientConfig.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().apiKey(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().apiKey("k").baseUrl("ftp://x").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().apiKey("k").filesBaseUrl("files-api.evolink.ai")
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().responseTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().maxResponseBytes(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().backoffMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EvolinkClientConfig.builder().proxy("proxy", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrailingSlashOnBaseUrlsIsDropped() {
        EvolinkClientConfig c = EvolinkClientConfig.builder().apiKey("k").baseUrl("http://localhost:8080/")
                .filesBaseUrl("http://localhost:8081/").build();
        assertThat(c.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(c.filesBaseUrl()).isEqualTo("http://localhost:8081");
    }

    @Test
    void backoffGrowsByTheMultiplierUpToTheMaximumWhichAlsoCapsRetryAfter() {
        RetryPolicy p = new RetryPolicy(5, Duration.ofMillis(500), 2, Duration.ofSeconds(30));
        assertThat(p.delayMillis(0, null)).isEqualTo(500);
        assertThat(p.delayMillis(1, null)).isEqualTo(1000);
        assertThat(p.delayMillis(3, null)).isEqualTo(4000);
        assertThat(p.delayMillis(10, null)).isEqualTo(30_000);
        assertThat(p.delayMillis(0, 7_000L)).as("Retry-After longer than the backoff wins").isEqualTo(7_000);
        assertThat(p.delayMillis(3, 1_000L)).as("the backoff wins over a shorter Retry-After").isEqualTo(4_000);
        assertThat(p.delayMillis(0, 3_600_000L)).as("capped").isEqualTo(30_000);
        assertThat(p.delayMillis(0, 7_000L, 0.0)).as("no jitter drawn").isEqualTo(7_000);
        assertThat(p.delayMillis(0, 7_000L, 0.5)).as("half the jitter: a quarter longer").isEqualTo(8_750);
        assertThat(p.delayMillis(3, null, 0.999)).as("at most half as long again").isEqualTo(5_998);
        assertThat(new RetryPolicy(1, Duration.ofMillis(100), 1, Duration.ofSeconds(1)).delayMillis(5, null))
                .isEqualTo(100);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        long now = ZonedDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        assertThat(Retrier.retryAfterMillis("120", now)).isEqualTo(120_000L);
        assertThat(Retrier.retryAfterMillis(" 0 ", now)).isZero();
        assertThat(Retrier.retryAfterMillis("-5", now)).as("not a delay").isNull();
        assertThat(Retrier.retryAfterMillis("Mon, 23 Nov 2026 10:00:07 GMT", now)).isEqualTo(7_000L);
        assertThat(Retrier.retryAfterMillis("Mon, 23 Nov 2026 09:59:00 GMT", now)).as("in the past").isZero();
        assertThat(Retrier.retryAfterMillis(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now + 2_000), ZoneOffset.UTC)), now))
                .isEqualTo(2_000L);
        assertThat(Retrier.retryAfterMillis("99999999999999999999", now)).isEqualTo(Long.MAX_VALUE);
        assertThat(Retrier.retryAfterMillis("soon", now)).isNull();
        assertThat(Retrier.retryAfterMillis(null, now)).isNull();
    }

    @Test
    void generatedIdempotencyKeysAreValidAndDistinct() {
        String a = IdempotencyKey.generate();
        assertThat(a).matches("^[A-Za-z0-9._-]{16,96}$");
        assertThat(IdempotencyKey.generate()).isNotEqualTo(a);
        assertThat(IdempotencyKey.isValid("x".repeat(15))).isFalse();
        assertThat(IdempotencyKey.isValid("x".repeat(96))).isTrue();
        assertThat(IdempotencyKey.isValid("x".repeat(97))).isFalse();
        assertThat(IdempotencyKey.isValid("abc/def/ghi/jkl/mno")).isFalse();
    }

    @Test
    void theKeyGoesOnlyToTheSameSchemeHostAndPort() {
        assertThat(Hosts.sameOrigin(URI.create("https://api.evolink.ai/v1/x"), "https://api.evolink.ai")).isTrue();
        assertThat(Hosts.sameOrigin(URI.create("https://API.evolink.ai:443/x"), "https://api.evolink.ai")).isTrue();
        assertThat(Hosts.sameOrigin(URI.create("http://api.evolink.ai/x"), "https://api.evolink.ai")).isFalse();
        assertThat(Hosts.sameOrigin(URI.create("https://api.evolink.ai:8443/x"), "https://api.evolink.ai"))
                .isFalse();
        assertThat(Hosts.sameOrigin(URI.create("https://media.evolink.ai/x"), "https://api.evolink.ai")).isFalse();
        assertThat(Hosts.sameOrigin(URI.create("https://api.evolink.ai.evil.com/x"), "https://api.evolink.ai"))
                .isFalse();
        assertThat(Hosts.withoutQuery("https://cdn.example/a.png?X-Signature=s3cr3t#f")).isEqualTo(
                "https://cdn.example/a.png");
    }

    @Test
    void timeoutsAreCheckedOftenEnoughToBeAccurate() {
        EvolinkClientConfig defaults = EvolinkClientConfig.builder().apiKey("k").build();
        assertThat(HttpTransport.timeoutCheckInterval(defaults).toMilliseconds()).isEqualTo(1000);
        EvolinkClientConfig quick = EvolinkClientConfig.builder().apiKey("k").responseTimeout(Duration.ofMillis(300))
                .build();
        assertThat(HttpTransport.timeoutCheckInterval(quick).toMilliseconds()).isEqualTo(30);
    }

    @Test
    void requestsGoThroughTheConfiguredProxy() throws Exception {
        try (FakeServer proxy = FakeServer.start().on("GET", "/", (x, r) -> FakeServer.json(x, 200,
                "{\"data\":{\"token\":{\"remaining_credits\":3},\"user\":{}}}"));
                EvolinkClient client = EvolinkClient.create(EvolinkClientConfig.builder().apiKey("sk-proxy-test")
                        .baseUrl("http://api.evolink.invalid").proxy(proxy.host(), proxy.port()).build())) {
            assertThat(await(client.credits()).keyRemaining()).isEqualTo(3.0);
            FakeServer.Request seen = proxy.requests().get(0);
            assertThat(seen.uri()).isEqualTo("http://api.evolink.invalid/v1/credits");
            assertThat(seen.header("Host")).isEqualTo("api.evolink.invalid");
        }
    }
}
