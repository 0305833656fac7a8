package org.camelevolink.component;

import org.apache.camel.spi.Metadata;

/** Message headers of the {@code evolink:} component. Headers set on the way in override endpoint options. */
public final class EvolinkConstants {

    @Metadata(label = "producer", description = "The prompt; overrides the prompt option and a String body.",
              javaType = "String")
    public static final String PROMPT = "CamelEvolinkPrompt";
    @Metadata(label = "producer", description = "Speed (model_params.speed): draft, fast or turbo, as the model allows.",
              javaType = "String")
    public static final String SPEED = "CamelEvolinkSpeed";
    @Metadata(label = "producer", description = "Which image of the source task a follow-up works on (model_params.image_number).",
              javaType = "Integer")
    public static final String IMAGE_NUMBER = "CamelEvolinkImageNumber";
    @Metadata(label = "producer", description = "Input image URLs (image_urls), a List or a comma-separated String.",
              javaType = "java.util.List<String>")
    public static final String IMAGE_URLS = "CamelEvolinkImageUrls";
    @Metadata(label = "producer", description = "Extra model_params entries, merged over the options.",
              javaType = "java.util.Map<String, Object>")
    public static final String MODEL_PARAMS = "CamelEvolinkModelParams";
    @Metadata(label = "producer", description = "Idempotency key of the paid submit; a redelivery with the same key is never charged twice.",
              javaType = "String")
    public static final String IDEMPOTENCY_KEY = "CamelEvolinkIdempotencyKey";

    @Metadata(description = "A correlation id kept with a task submitted with waitForCompletion=false and put back on "
            + "the exchange the consumer emits for it.", javaType = "String")
    public static final String CORRELATION_ID = "CamelEvolinkCorrelationId";
    @Metadata(label = "consumer", description = "True on an exchange that tells a running task's progress "
            + "(emitProgress=true): its body is the task, CamelEvolinkProgress the percent; absent on finished tasks.",
              javaType = "Boolean")
    public static final String PROGRESS_UPDATE = "CamelEvolinkProgressUpdate";
    @Metadata(label = "consumer", description = "Why an emitted task did not complete: EvoLink's error code (e.g. "
            + "content_policy_violation), cancelled, timeout when the component stopped waiting, or, with download=true, "
            + "the download's error when the images can never be fetched (e.g. link_expired).",
              javaType = "String")
    public static final String ERROR_CODE = "CamelEvolinkErrorCode";
    @Metadata(label = "consumer", description = "The message that goes with CamelEvolinkErrorCode.", javaType = "String")
    public static final String ERROR_MESSAGE = "CamelEvolinkErrorMessage";

    @Metadata(description = "The task id. On the way in, the source task of a follow-up model (upscale, variation, ...); "
            + "on the way out, the task that ran.", javaType = "String")
    public static final String TASK_ID = "CamelEvolinkTaskId";
    @Metadata(description = "The task's status: pending, processing, completed, failed or cancelled; on a consumer, "
            + "unknown for a task not ended within maxWaitTime and failed for one EvoLink no longer knows.",
              javaType = "String")
    public static final String TASK_STATUS = "CamelEvolinkTaskStatus";
    @Metadata(description = "The model that ran the task.", javaType = "String")
    public static final String MODEL = "CamelEvolinkModel";
    @Metadata(description = "The task's progress, 0 to 100.", javaType = "Integer")
    public static final String PROGRESS = "CamelEvolinkProgress";
    @Metadata(description = "The result image URLs of a completed task (they expire: 24 h for V7).",
              javaType = "java.util.List<String>")
    public static final String RESULT_URLS = "CamelEvolinkResultUrls";
    @Metadata(description = "Credits reserved for the task.", javaType = "Double")
    public static final String CREDITS_RESERVED = "CamelEvolinkCreditsReserved";
    @Metadata(description = "Credits used by the completed task.", javaType = "Double")
    public static final String CREDITS_USED = "CamelEvolinkCreditsUsed";
    @Metadata(description = "With download=true: the position of this image in the task's results.",
              javaType = "Integer")
    public static final String RESULT_INDEX = "CamelEvolinkResultIndex";

    private EvolinkConstants() {
    }
}
