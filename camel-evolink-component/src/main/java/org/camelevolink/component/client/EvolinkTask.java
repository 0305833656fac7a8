package org.camelevolink.component.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * A task as EvoLink describes it (create answer, {@code GET /v1/tasks/{id}}, callback body). Unknown fields are
 * ignored so that new server fields never break a route.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class EvolinkTask {

    /** {@code task_info}. {@code estimated_time} is seconds, possibly fractional (the simulator scales time). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskInfo(@JsonProperty("can_cancel") Boolean canCancel,
            @JsonProperty("estimated_time") Double estimatedTime) {
    }

    /** {@code usage}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Usage(@JsonProperty("billing_rule") String billingRule,
            @JsonProperty("credits_reserved") Double creditsReserved,
            @JsonProperty("credits_used") Double creditsUsed, @JsonProperty("user_group") String userGroup) {
    }

    /** {@code error} of a failed task; {@code code} is a business code such as {@code content_policy_violation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaskError(@JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("type") String type) {
    }

    @JsonProperty("id")
    private String id;
    @JsonProperty("model")
    private String model;
    @JsonProperty("object")
    private String object;
    @JsonProperty("type")
    private String type;
    @JsonProperty("status")
    private String status;
    @JsonProperty("progress")
    private Integer progress;
    @JsonProperty("created")
    private Long created;
    @JsonProperty("results")
    private List<String> results;
    @JsonProperty("task_info")
    private TaskInfo taskInfo;
    @JsonProperty("usage")
    private Usage usage;
    @JsonProperty("error")
    private TaskError error;

    public EvolinkTask() {
        // for Jackson
    }

    public String getId() {
        return id;
    }

    public String getModel() {
        return model;
    }

    public String getObject() {
        return object;
    }

    public String getType() {
        return type;
    }

    public TaskStatus getStatus() {
        return TaskStatus.parse(status);
    }

    public int getProgress() {
        return progress == null ? 0 : progress;
    }

    public Long getCreated() {
        return created;
    }

    public List<String> getResults() {
        return results == null ? List.of() : results;
    }

    public TaskInfo getTaskInfo() {
        return taskInfo;
    }

    public Usage getUsage() {
        return usage;
    }

    public TaskError getError() {
        return error;
    }

    @JsonIgnore
    public boolean isFinished() {
        return getStatus().isFinished();
    }

    /** Seconds EvoLink estimates are left, or null when it did not say. */
    public Double getEstimatedTime() {
        return taskInfo == null ? null : taskInfo.estimatedTime();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvolinkTask t && Objects.equals(id, t.id) && Objects.equals(status, t.status)
                && Objects.equals(progress, t.progress) && Objects.equals(results, t.results);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, progress);
    }

    @Override
    public String toString() {
        return "EvolinkTask[id=" + id + ", model=" + model + ", status=" + status + ", progress=" + progress
                + ", results=" + getResults().size() + (error == null ? "" : ", error=" + error.code()) + "]";
    }
}
