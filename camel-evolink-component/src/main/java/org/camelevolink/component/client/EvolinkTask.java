package org.camelevolink.component.client;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A task as EvoLink describes it (create answer, {@code GET /v1/tasks/{id}}, callback body). Fields EvoLink
 * documents have typed getters; every other field it sends is kept as it came in {@link #getOtherFields()}, so a
 * new server field never breaks a route and is never lost. As JSON (Jackson) it is written back with EvoLink's own
 * field names, so a stored task reads back with everything it had.
 */
@JsonAutoDetect(getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, fieldVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
// estimatedTime: written by the getter of earlier versions into stored records, not one of EvoLink's fields
@JsonIgnoreProperties(value = "estimatedTime", ignoreUnknown = true)
public final class EvolinkTask {

    /**
     * {@code task_info}. {@code estimated_time} is seconds, possibly fractional (the simulator scales time);
     * {@code video_duration} is sent for video tasks (evolink-api.md 4, seen in EvoLink's own client).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskInfo(@JsonProperty("can_cancel") Boolean canCancel,
            @JsonProperty("estimated_time") Double estimatedTime,
            @JsonProperty("video_duration") Double videoDuration) {

        public TaskInfo(Boolean canCancel, Double estimatedTime) {
            this(canCancel, estimatedTime, null);
        }
    }

    /**
     * {@code usage}. {@code credits_used} and {@code cost} arrive when the task has ended (evolink-api.md 9);
     * {@code estimated_cost} is shown by an older quickstart (evolink-api.md 3).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Usage(@JsonProperty("billing_rule") String billingRule,
            @JsonProperty("credits_reserved") Double creditsReserved,
            @JsonProperty("credits_used") Double creditsUsed, @JsonProperty("user_group") String userGroup,
            @JsonProperty("cost") Cost cost, @JsonProperty("estimated_cost") Double estimatedCost) {

        public Usage(String billingRule, Double creditsReserved, Double creditsUsed, String userGroup) {
            this(billingRule, creditsReserved, creditsUsed, userGroup, null, null);
        }
    }

    /** {@code usage.cost}: what the task cost, in credits and money. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cost(@JsonProperty("credits") Double credits, @JsonProperty("usd") Double usd,
            @JsonProperty("cny") Double cny) {
    }

    /**
     * {@code error} of a failed task; {@code code} is a business code such as {@code content_policy_violation}.
     * {@code suggestion} (EvoLink's client reads it on task errors) and {@code fallback_suggestion} (the docs'
     * error schema, e.g. "retry after 60 seconds") say what to do next, when EvoLink says it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaskError(@JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("type") String type, @JsonProperty("suggestion") String suggestion,
            @JsonProperty("fallback_suggestion") String fallbackSuggestion) {

        public TaskError(String code, String message, String type) {
            this(code, message, type, null, null);
        }
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
    /** Seconds the task took, once it has ended. */
    @JsonProperty("duration")
    private Double duration;
    /** Per-result details of some models (video, audio): a list of objects, or an object. */
    @JsonProperty("result_data")
    private Object resultData;
    private final Map<String, Object> otherFields = new LinkedHashMap<>();

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

    /** Seconds the task took ({@code duration}), or null while it runs or when EvoLink did not say. */
    public Double getDuration() {
        return duration;
    }

    /**
     * {@code result_data} as EvoLink sent it (a List of Maps such as {@code image_url}, {@code video_url}, or a
     * Map), or null; Midjourney tasks put their links in {@link #getResults()}.
     */
    public Object getResultData() {
        return resultData;
    }

    /** Every field EvoLink sent that has no getter here, by its EvoLink name, values as JSON reads them. */
    @JsonAnyGetter
    public Map<String, Object> getOtherFields() {
        return Collections.unmodifiableMap(otherFields);
    }

    @JsonAnySetter
    void otherField(String name, Object value) {
        otherFields.put(name, value);
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

    /** Identifiers and counts only: no result link, message, suggestion or value of another field. */
    @Override
    public String toString() {
        return "EvolinkTask[id=" + id + ", model=" + model + ", status=" + status + ", progress=" + progress
                + ", results=" + getResults().size() + (error == null ? "" : ", error=" + error.code())
                + (otherFields.isEmpty() ? "" : ", otherFields=" + otherFields.size()) + "]";
    }
}
