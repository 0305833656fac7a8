package org.camelevolink.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.AsyncCallback;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.StartupListener;
import org.apache.camel.spi.RestConfiguration;
import org.apache.camel.spi.RestConsumerFactory;
import org.apache.camel.support.service.ServiceHelper;
import org.camelevolink.component.store.TaskRecord;
import org.camelevolink.component.tracking.AsyncTaskStore;
import org.camelevolink.component.tracking.TaskDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

/**
 * Receives EvoLink's task callbacks at {@code <callbackBaseUrl>/{token}} through Camel's REST consumer
 * (platform-http by default). EvoLink callbacks are unsigned, so a callback proves nothing: it only brings the
 * task's next read forward, and the read decides. Unknown tokens get 404, other methods 405, bodies over
 * {@code maxCallbackBytes} 413, bodies that are not a task of the token's task 400; none of them changes anything.
 */
final class CallbackReceiver extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackReceiver.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "token";

    private final CamelContext camelContext;
    private final AsyncTaskStore store;
    private final TaskDispatcher dispatcher;
    private Consumer consumer;
    private String path;
    private int maxBytes;
    private volatile EvolinkObservations observations = new EvolinkObservations();

    CallbackReceiver(CamelContext camelContext, AsyncTaskStore store, TaskDispatcher dispatcher) {
        this.camelContext = camelContext;
        this.store = store;
        this.dispatcher = dispatcher;
    }

    /** Where the receiver tells of the callbacks it answers. */
    void observe(EvolinkObservations observations) {
        this.observations = observations;
    }

    /** The {@code reason} tag of a callback refused with {@code status}. */
    static String reasonOf(int status) {
        return switch (status) {
            case 404 -> "unknown_token";
            case 405 -> "method";
            case 413 -> "too_large";
            case 400 -> "not_the_task";
            case 503 -> "store_failing";
            default -> Integer.toString(status);
        };
    }

    /** Starts the receiver the first time an endpoint with a {@code callbackBaseUrl} starts. */
    synchronized void startIfConfigured(EvolinkConfiguration cfg) throws Exception {
        String base = cfg.getCallbackBaseUrl();
        if (base == null || base.isBlank()) {
            return;
        }
        String wanted = pathOf(base);
        if (path != null) {
            if (!wanted.equals(path)) {
                throw new IllegalArgumentException("One callback receiver per component: callbackBaseUrl paths "
                        + path + " and " + wanted + " differ; set callbackBaseUrl on the component");
            }
            return;
        }
        maxBytes = cfg.getMaxCallbackBytes();
        RestConsumerFactory factory = restConsumerFactory(cfg.getHttpServerComponent()); // fails the start if missing
        path = wanted;
        if (camelContext.isStarted()) {
            listen(factory);
            return;
        }
        // a route's producer starts while the context starts, possibly before the HTTP server the path goes on
        camelContext.addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                listen(factory);
            }
        });
    }

    private synchronized void listen(RestConsumerFactory factory) throws Exception {
        if (consumer != null || path == null) {
            return;
        }
        RestConfiguration rest = camelContext.getRestConfiguration();
        consumer = factory.createConsumer(camelContext, this, null, path, "{" + TOKEN + "}", null, null, rest,
                Map.of());
        ServiceHelper.startService(consumer);
        LOG.info("EvoLink callback receiver listening on {}/{{token}}", path);
    }

    synchronized void stopListening() {
        ServiceHelper.stopAndShutdownService(consumer);
        consumer = null;
        path = null;
    }

    /** The token's record is looked up on the store's executor: never on the HTTP server's thread. */
    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        String token = in.getHeader(TOKEN, String.class);
        if (!"POST".equalsIgnoreCase(method)) {
            in.setHeader("Allow", "POST");
            answer(exchange, 405, "only POST is accepted");
        } else if (token == null || token.isBlank()) {
            answer(exchange, 404, "unknown callback");
        } else {
            store.findByCallbackToken(token).whenComplete((record, error) -> {
                try {
                    if (error != null) {
                        answer(exchange, 503, "the task store cannot be read");
                    } else {
                        received(exchange, record.orElse(null));
                    }
                } catch (RuntimeException e) {
                    exchange.setException(e);
                } finally {
                    callback.done(false);
                }
            });
            return false;
        }
        callback.done(true);
        return true;
    }

    private void received(Exchange exchange, TaskRecord record) {
        Message in = exchange.getMessage();
        if (record == null) {
            answer(exchange, 404, "unknown callback");
            return;
        }
        Long length = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        byte[] body = length != null && length > maxBytes ? null : readBounded(in);
        if (body == null) {
            answer(exchange, 413, "callback body larger than " + maxBytes + " bytes");
            return;
        }
        String id = taskId(body);
        if (id == null || !id.equals(record.taskId())) {
            answer(exchange, 400, "the body is not a JSON task object with this callback's task id");
            return;
        }
        dispatcher.readNow(record);
        answer(exchange, 200, "received");
    }

    private byte[] readBounded(Message in) {
        try (InputStream body = in.getBody(InputStream.class)) {
            if (body == null) {
                return new byte[0];
            }
            byte[] read = body.readNBytes(maxBytes + 1);
            return read.length > maxBytes ? null : read;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String taskId(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            JsonNode id = node == null || !node.isObject() ? null : node.get("id");
            return id != null && id.isTextual() ? id.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void answer(Exchange exchange, int status, String text) {
        observations.callbackAnswered(status);
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json");
        out.setBody("{\"status\":" + status + ",\"message\":\"" + text + "\"}");
    }

    private RestConsumerFactory restConsumerFactory(String componentName) {
        String name = componentName;
        if (name == null || name.isBlank()) {
            name = camelContext.getRestConfiguration().getComponent();
        }
        if (name == null || name.isBlank()) {
            name = "platform-http";
        }
        Object component = camelContext.getComponent(name, true);
        if (component instanceof RestConsumerFactory factory) {
            return factory;
        }
        throw new IllegalStateException("callbackBaseUrl needs a REST consumer component to receive callbacks; '"
                + name + "' is " + (component == null ? "not on the classpath" : "not a RestConsumerFactory")
                + ". Add camel-platform-http-main (camel-main), or set httpServerComponent");
    }

    static String pathOf(String callbackBaseUrl) {
        String p = URI.create(callbackBaseUrl).getPath();
        if (p == null || p.isBlank() || p.equals("/")) {
            throw new IllegalArgumentException("callbackBaseUrl needs a path for the receiver, e.g. "
                    + "https://camel.example.com/evolink/callbacks; got " + callbackBaseUrl);
        }
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
