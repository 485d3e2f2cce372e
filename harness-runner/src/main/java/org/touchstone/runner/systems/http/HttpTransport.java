package org.touchstone.runner.systems.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.touchstone.api.Failure;
import org.touchstone.api.FailureCode;
import org.touchstone.runner.systems.SystemFault;
import org.touchstone.runner.systems.wire.MalformedMessageException;
import org.touchstone.runner.systems.wire.WireJson;
import org.touchstone.runner.systems.wire.HttpApi;
import org.touchstone.runner.systems.wire.HttpErrorCode;

/**
 * One HTTP exchange with a system's service, as the harness needs it: a deadline per call, bounded
 * retries, the bearer token, and a diagnosis of every way it can go wrong as a failure code.
 *
 * <ul>
 *   <li>the deadline passes: {@code TIMEOUT}, never retried (a hung call is not retried);</li>
 *   <li>TLS fails (an untrusted certificate): {@code SYSTEM_CRASHED} at once;</li>
 *   <li>no connection, or it breaks: retried (with back-off) when the call is idempotent or was never
 *       sent, then {@code SYSTEM_CRASHED};</li>
 *   <li>503 (busy, nothing done): retried after {@code Retry-After}, then {@code SYSTEM_CRASHED};</li>
 *   <li>413 (request too large): the failure {@code REFUSE_INPUT} (the service refuses that input);</li>
 *   <li>409 {@code UNKNOWN_TEMPLATE}: {@link UnknownTemplateRefException}, for the caller to send the
 *       templates again;</li>
 *   <li>500: {@code UNCAUGHT_EXCEPTION}; 502: {@code SYSTEM_CRASHED} or the harness code the body names;
 *       504: {@code TIMEOUT}; 401, 403, 404: {@code SYSTEM_CRASHED} with the reason; other statuses and
 *       bodies that are not JSON objects: {@code INVALID_OUTPUT}.</li>
 * </ul>
 */
final class HttpTransport {
    /**
     * The longest reply body read: far above any answer (a template reply holds at most the run's template size
     * limit, 1 MiB by default, in base64), so that only a broken or hostile server reaches it.
     */
    static final int MAX_REPLY_BYTES = 256 << 20;

    private static final long MAX_RETRY_AFTER_MS = 5_000;

    private final HttpClient client;
    private final URI base;
    private final HttpClientSettings settings;

    HttpTransport(URI base, HttpClientSettings settings) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                // The client's own steps (reading the reply, completing the call) run on its selector
                // thread instead of being handed to a pool: every call is a synchronous send, so the hand-off
                // bought nothing and cost a thread switch per call, milliseconds on a busy machine.
                .executor(Runnable::run)
                .connectTimeout(settings.connectTimeout());
        settings.tls().ifPresent(builder::sslContext);
        this.client = builder.build();
    }

    /** @return the service's base URI, without a trailing slash */
    URI base() {
        return base;
    }

    /**
     * @param method     GET, POST or DELETE
     * @param path       a path of the API, e.g. {@code /v1/templates}
     * @param body       the JSON body, or null for none
     * @param deadline   how long the call may take
     * @param idempotent whether it may be repeated after a connection failure
     * @return the 200 reply's body (a 413 reply becomes a {@code REFUSE_INPUT} failure body)
     * @throws SystemFault when the exchange failed
     */
    ObjectNode exchange(String method, String path, JsonNode body, Duration deadline, boolean idempotent) {
        return replyObject(method + " " + path, exchangeForBytes(method, path, body, deadline, idempotent));
    }

    /**
     * As {@link #exchange}, but the reply's bytes, for a caller that reads the common form of a large reply
     * itself and hands anything else to {@link #replyObject}.
     *
     * @return the 200 reply's body (a 413 reply becomes a {@code REFUSE_INPUT} failure body)
     */
    byte[] exchangeForBytes(String method, String path, JsonNode body, Duration deadline, boolean idempotent) {
        return exchangeForBytes(method, path, body == null ? null : WireJson.bytes(body), deadline, idempotent);
    }

    /**
     * As {@link #exchangeForBytes(String, String, JsonNode, Duration, boolean)}, with a body already written.
     *
     * @param bytes the JSON body, or null for none
     */
    byte[] exchangeForBytes(String method, String path, byte[] bytes, Duration deadline, boolean idempotent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(deadline)
                .header("Accept", HttpApi.JSON)
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bytes != null) {
            request.header("Content-Type", HttpApi.JSON);
        }
        settings.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        HttpRequest built = request.build();
        String what = method + " " + path;
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= settings.maxRetries();
            HttpResponse<InputStream> response;
            byte[] replyBody;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
                replyBody = boundedBody(what, response.body());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                if (!lastAttempt) {
                    pause(attempt, Optional.empty());
                    continue;
                }
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, what + ": cannot connect to " + base + " after "
                        + (attempt + 1) + " attempts: " + e, e);
            } catch (SSLException e) {
                // Certificates do not change between attempts.
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, what + ": TLS with " + base + " failed (is its"
                        + " certificate trusted? see " + HttpClientSettings.TRUSTSTORE_VARIABLE + "): " + e, e);
            } catch (HttpTimeoutException e) {
                throw new SystemFault(FailureCode.TIMEOUT, what + " did not answer within "
                        + deadline.toMillis() / 1000.0 + " s", e);
            } catch (IOException e) {
                if (idempotent && !lastAttempt) {
                    pause(attempt, Optional.empty());
                    continue;
                }
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, what + ": the connection to " + base + " failed"
                        + (idempotent ? " " + (attempt + 1) + " times" : "") + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SystemFault(FailureCode.SYSTEM_CRASHED, what + ": interrupted", e);
            }
            int status = response.statusCode();
            if (status == 503 && !lastAttempt) {
                pause(attempt, response.headers().firstValue("Retry-After"));
                continue;
            }
            return interpret(what, status, replyBody);
        }
    }

    /**
     * Reads a reply's body, at most {@link #MAX_REPLY_BYTES}: a server that sends more (or never stops) is the
     * system's {@code INVALID_OUTPUT}, not the harness's memory exhausted.
     */
    private static byte[] boundedBody(String what, InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_REPLY_BYTES + 1);
            if (bytes.length > MAX_REPLY_BYTES) {
                throw new SystemFault(FailureCode.INVALID_OUTPUT, what + ": the reply is longer than "
                        + MAX_REPLY_BYTES + " bytes, the most any reply may be");
            }
            return bytes;
        }
    }

    /**
     * @param what  the call, for messages
     * @param reply a 200 reply's body, as {@link #exchangeForBytes} returns it
     * @return the body as a JSON object
     * @throws SystemFault ({@code INVALID_OUTPUT}) if it is not one
     */
    static ObjectNode replyObject(String what, byte[] reply) {
        try {
            return WireJson.parseObject(reply);
        } catch (MalformedMessageException e) {
            throw new SystemFault(FailureCode.INVALID_OUTPUT, what + ": the reply is not a JSON object: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] interpret(String what, int status, byte[] body) {
        if (status == 200) {
            return body;
        }
        if (status == 413) {
            ObjectNode failure = WireJson.object();
            failure.set("failure", WireJson.failure(new Failure(FailureCode.REFUSE_INPUT,
                    what + ": the service refused the request as too large (HTTP 413)")));
            return WireJson.bytes(failure);
        }
        ObjectNode json = null;
        try {
            json = WireJson.parseObject(body);
        } catch (MalformedMessageException e) {
            // an error reply without JSON: its text is quoted below
        }
        // The error's code is either a harness failure code (500, 502, 504) or one of the HTTP API's own
        // (HttpErrorCode); an unknown one still leaves its message readable.
        JsonNode error = json == null ? null : json.get("error");
        String errorCode = error != null && error.path("code").isTextual() ? error.get("code").asText() : null;
        String detail;
        if (error != null && error.path("message").isTextual()) {
            detail = (errorCode != null ? errorCode + ": " : "") + error.get("message").asText();
        } else {
            detail = body.length == 0 ? "no body"
                    : new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (status == HttpErrorCode.UNKNOWN_TEMPLATE.status()
                && HttpErrorCode.UNKNOWN_TEMPLATE.name().equals(errorCode)) {
            throw new UnknownTemplateRefException(what + ": " + detail);
        }
        FailureCode harnessCode = harnessCode(errorCode);
        FailureCode code;
        if (harnessCode != null) {
            // A harness code from the service: kept when it charges the system, else INVALID_OUTPUT (a
            // service cannot blame the dataset).
            code = SystemFault.reportedFault(harnessCode);
        } else {
            code = switch (status) {
                case 500 -> FailureCode.UNCAUGHT_EXCEPTION;
                case 504 -> FailureCode.TIMEOUT;
                case 502, 503, 401, 403, 404 -> FailureCode.SYSTEM_CRASHED;
                default -> FailureCode.INVALID_OUTPUT;
            };
        }
        String reason = switch (status) {
            case 401, 403 -> " (the service refused the token: set " + HttpClientSettings.TOKEN_VARIABLE + ")";
            case 503 -> " (still busy after retries)";
            default -> "";
        };
        throw new SystemFault(code, what + ": HTTP " + status + reason + ": " + detail);
    }

    private static FailureCode harnessCode(String name) {
        if (name == null) {
            return null;
        }
        for (FailureCode c : FailureCode.values()) {
            if (c.name().equals(name) && c.isHarnessAssigned()) {
                return c;
            }
        }
        return null;
    }

    /** The service does not hold a template the request named by reference (409 {@code UNKNOWN_TEMPLATE}). */
    static final class UnknownTemplateRefException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnknownTemplateRefException(String message) {
            super(message);
        }
    }

    /** Exponential back-off (100 ms, 200 ms, ...) or the service's {@code Retry-After}, capped. */
    private static void pause(int attempt, Optional<String> retryAfter) {
        long ms = 100L << Math.min(attempt, 6);
        if (retryAfter.isPresent()) {
            try {
                ms = Math.min(MAX_RETRY_AFTER_MS, Long.parseLong(retryAfter.get().trim()) * 1000);
            } catch (NumberFormatException e) {
                // An HTTP date or garbage: keep the back-off.
            }
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
