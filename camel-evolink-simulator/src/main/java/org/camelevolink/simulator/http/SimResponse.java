package org.camelevolink.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, content type, extra headers and the body bytes. */
public final class SimResponse {

    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private double charged;
    private String taskId;

    public SimResponse(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public static SimResponse json(int status, byte[] json) {
        return new SimResponse(status, "application/json", json);
    }

    public static SimResponse text(int status, String text) {
        return new SimResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Marks the answer of a submit that reserved credits for a task (the journal records it). */
    public SimResponse charged(String taskId, double credits) {
        this.taskId = taskId;
        this.charged = credits;
        return this;
    }

    public double charged() {
        return charged;
    }

    public String taskId() {
        return taskId;
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** Same status and headers, another body (used by the malformed/truncated JSON faults). */
    public SimResponse withBody(byte[] newBody) {
        SimResponse copy = new SimResponse(status, contentType, newBody);
        copy.headers.putAll(headers);
        copy.taskId = taskId;
        return copy;
    }
}
