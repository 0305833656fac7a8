package org.camelevolink.component;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.camelevolink.component.client.EvolinkClientConfig;
import org.camelevolink.component.exceptions.EvolinkTimeoutException;
import org.camelevolink.component.exceptions.TooManyTasksException;
import org.camelevolink.component.tracking.WaitPolicy;

import java.util.HashMap;
import java.util.Map;

/** Options of {@code evolink:} endpoints; component-level values are the defaults of every endpoint. */
@UriParams
public class EvolinkConfiguration implements Cloneable {

    // ---- connection and security -----------------------------------------------------------------------------
    @UriParam(label = "security", secret = true,
              description = "The EvoLink API key. When not set, the EVOLINK_API_KEY environment variable is used. "
                      + "In an endpoint URI write it as RAW(...) so that plus, slash and equals signs survive URI parsing; a property placeholder in the component option needs no RAW.")
    private String apiKey;
    @UriParam(label = "common", defaultValue = EvolinkClientConfig.DEFAULT_BASE_URL,
              description = "Base URL of the EvoLink API (the embedded simulator's URL in tests).")
    private String baseUrl = EvolinkClientConfig.DEFAULT_BASE_URL;
    @UriParam(label = "common", defaultValue = EvolinkClientConfig.DEFAULT_FILES_BASE_URL,
              description = "Base URL of EvoLink's files API, used to upload image bodies.")
    private String filesBaseUrl = EvolinkClientConfig.DEFAULT_FILES_BASE_URL;
    @UriParam(label = "advanced", defaultValue = "" + EvolinkClientConfig.DEFAULT_CONNECT_TIMEOUT_MILLIS, javaType = "java.time.Duration",
              description = "Connect timeout in milliseconds (or a duration such as 10s).")
    private long connectTimeout = EvolinkClientConfig.DEFAULT_CONNECT_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EvolinkClientConfig.DEFAULT_RESPONSE_TIMEOUT_MILLIS, javaType = "java.time.Duration",
              description = "Timeout for one HTTP answer in milliseconds (or a duration such as 30s).")
    private long responseTimeout = EvolinkClientConfig.DEFAULT_RESPONSE_TIMEOUT_MILLIS;
    @UriParam(label = "advanced", defaultValue = "" + EvolinkClientConfig.DEFAULT_MAX_RESPONSE_BYTES,
              description = "Largest API answer body read, in bytes; larger answers fail instead of filling memory.")
    private long maxResponseBytes = EvolinkClientConfig.DEFAULT_MAX_RESPONSE_BYTES;
    @UriParam(label = "advanced", defaultValue = "" + EvolinkClientConfig.DEFAULT_MAX_READ_RETRIES,
              description = "Retries of a read (task status, batch, credits) after 429, 502, 503 or a network error, "
                      + "with backoff honouring Retry-After.")
    private int maxReadRetries = EvolinkClientConfig.DEFAULT_MAX_READ_RETRIES;
    @UriParam(label = "advanced", defaultValue = "" + EvolinkClientConfig.DEFAULT_MAX_SUBMIT_RETRIES,
              description = "Re-sends of a paid submit after a network error, 429, 502 or 503, always with the same "
                      + "Idempotency-Key so EvoLink never charges twice.")
    private int maxSubmitRetries = EvolinkClientConfig.DEFAULT_MAX_SUBMIT_RETRIES;
    @UriParam(label = "security", defaultValue = "false",
              description = "Test mode: allow http:// and loopback or private addresses in callbackUrl and in "
                      + "downloads (for the embedded simulator). Never enable against the real API.")
    private boolean allowInsecureUrls;

    @UriParam(label = "security",
              description = "TLS settings (trust store, key store, protocols) for the connections to EvoLink.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "proxy", description = "Host of an HTTP proxy to reach EvoLink through.")
    private String proxyHost;
    @UriParam(label = "proxy", description = "Port of the HTTP proxy.")
    private Integer proxyPort;
    @UriParam(label = "advanced", defaultValue = "0",
              description = "Most tasks one endpoint has running at once (0: no limit). Beyond it, a submission "
                      + "waits for a free place without holding a thread, or fails at once: see "
                      + "failWhenConcurrencyExceeded.")
    private int maxConcurrentTasks;
    @UriParam(label = "advanced", defaultValue = "false",
              description = "With maxConcurrentTasks reached, fail the exchange at once (TooManyTasksException) "
                      + "instead of queueing it.")
    private boolean failWhenConcurrencyExceeded;

    // ---- request fields --------------------------------------------------------------------------------------
    @UriParam(label = "producer", description = "The prompt. A String body or the CamelEvolinkPrompt header overrides it.")
    private String prompt;
    @UriParam(label = "producer", enums = "draft,fast,turbo",
              description = "Speed (model_params.speed). Which values a model takes is in the models guide.")
    private String speed;
    @UriParam(label = "producer", enums = "standard,hd", description = "Quality of V8.x generations (hd costs 1.5x).")
    private String quality;
    @UriParam(label = "producer",
              description = "Which image of the source task a follow-up works on (model_params.image_number): 0-3, "
                      + "0-23 for V8.2 draft sources.")
    private Integer imageNumber;
    @UriParam(label = "producer", enums = "standard,creative,subtle,strong",
              description = "Upscale mode (standard, creative) or variation strength (subtle, strong): model_params.type.")
    private String type;
    @UriParam(label = "producer", enums = "strong,subtle", description = "Remix strength (model_params.mode).")
    private String mode;
    @UriParam(label = "producer", description = "Outpaint (1.1-2.0) or pan (1.1-3.0) factor (model_params.scale).")
    private Double scale;
    @UriParam(label = "producer", enums = "up,down,left,right", description = "Pan direction (model_params.direction).")
    private String direction;
    @UriParam(label = "producer", description = "Canvas width in pixels for edit and upload-paint (model_params.canvas.width).")
    private Integer canvasWidth;
    @UriParam(label = "producer", description = "Canvas height in pixels for edit and upload-paint (model_params.canvas.height).")
    private Integer canvasHeight;
    @UriParam(label = "producer", description = "Left offset of the image on the canvas (model_params.img_pos.x).")
    private Integer imgPosX;
    @UriParam(label = "producer", description = "Top offset of the image on the canvas (model_params.img_pos.y).")
    private Integer imgPosY;
    @UriParam(label = "producer", description = "Drawn width of the image on the canvas (model_params.img_pos.width).")
    private Integer imgPosWidth;
    @UriParam(label = "producer", description = "Drawn height of the image on the canvas (model_params.img_pos.height).")
    private Integer imgPosHeight;
    @UriParam(label = "producer", description = "URL of a mask image (model_params.mask.url); see the models guide for "
            + "each version's mask semantics.")
    private String maskUrl;
    // Camel's catalog keeps no quotes or square brackets in a description, so a JSON example cannot survive it:
    // the example is in words here and in full in the table One endpoint per model of docs/evolink-component.adoc
    @UriParam(label = "producer", description = "Mask polygons (model_params.mask.areas) as a JSON array with one "
            + "object per polygon: integer width, height and points (x1,y1,x2,y2,...). In a URI, wrap the JSON in "
            + "RAW(); the table One endpoint per model of the component reference has complete examples.")
    private String maskAreas;
    @UriParam(label = "producer", description = "Input image URLs (image_urls), comma-separated.")
    private String imageUrls;
    @UriParam(label = "producer", description = "The source task of a follow-up model (model_params.task_id) when "
            + "neither the body nor the CamelEvolinkTaskId header gives it.")
    private String taskId;
    @UriParam(label = "producer", description = "HTTPS URL EvoLink calls when the task ends (callback_url).")
    private String callbackUrl;
    @UriParam(label = "producer", prefix = "param.", multiValue = true,
              description = "Any other model_params entry, e.g. param.seed_hint=7; typed options win over these.")
    private Map<String, Object> params = new HashMap<>();

    // ---- waiting and results ---------------------------------------------------------------------------------
    @UriParam(label = "producer", defaultValue = "true",
              description = "Continue the exchange when the task has finished (no thread is held while it runs); "
                      + "false continues at once with the pending task.")
    private boolean waitForCompletion = true;
    @UriParam(label = "common", defaultValue = "1800000", javaType = "java.time.Duration",
              description = "Longest wait for a task, in milliseconds or a duration such as 30m; then an "
                      + "EvolinkTimeoutException names the task, which still exists.")
    private long maxWaitTime = 1_800_000;
    @UriParam(label = "common", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Shortest delay between two status reads of one task. Reads come first at 3/4 of "
                      + "EvoLink's estimated_time, then every 4% of the task's running time, within "
                      + "minPollInterval and maxPollInterval.")
    private long minPollInterval = 1_000;
    @UriParam(label = "common", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Longest delay between two status reads of one task, once the first read is made.")
    private long maxPollInterval = 30_000;
    @UriParam(label = "common", defaultValue = "false",
              description = "Put the result images themselves in the body (a byte array per image, a List when several) "
                      + "instead of the task.")
    private boolean download;
    @UriParam(label = "common", defaultValue = "52428800", description = "Largest image downloaded, in bytes.")
    private long maxDownloadBytes = 50L * 1024 * 1024;
    @UriParam(label = "common",
              description = "Hosts result images may be downloaded from, comma-separated; an entry with a leading wildcard label matches every subdomain; "
                      + "empty means the host of baseUrl and EvoLink's own media hosts.")
    private String downloadAllowedHosts;

    // ---- consumer, task store and callbacks ------------------------------------------------------------------
    @UriParam(label = "producer",
              description = "Headers of the submitting exchange to keep with a task submitted with "
                      + "waitForCompletion=false and to put back on the exchange the consumer emits, comma-separated "
                      + "(values are kept as text). The CamelEvolinkCorrelationId header is always kept.")
    private String carryHeaders;
    @UriParam(label = "consumer", defaultValue = "true",
              description = "Emit failed and cancelled tasks too, with CamelEvolinkTaskStatus, CamelEvolinkErrorCode "
                      + "and CamelEvolinkErrorMessage; false emits only completed tasks.")
    private boolean deliverFailedTasks = true;
    @UriParam(label = "consumer", defaultValue = "1000", javaType = "java.time.Duration",
              description = "Delay before a finished task whose exchange failed in the route is offered again; it "
                      + "doubles with every failed offer, up to 5 minutes.")
    private long deliveryRetryDelay = 1_000;
    @UriParam(label = "consumer", defaultValue = "false",
              description = "Also emit an exchange whenever the progress of a task of this model that this node "
                      + "waits for changes (at most once per read), with header CamelEvolinkProgressUpdate true and "
                      + "the task as body, so that a route can show progress; the final exchange follows as usual.")
    private boolean emitProgress;
    @UriParam(label = "producer,advanced",
              description = "The producer health check is DOWN when this key's remaining credits (read with its "
                      + "cheap GET /v1/credits) are below this figure, and says the figure. Unset: no check.")
    private Double minCreditBalance;
    @UriParam(label = "common",
              description = "Public HTTPS base URL of this application's callback receiver, e.g. "
                      + "https://camel.example.com/evolink/callbacks. When set, every submit sends callback_url = "
                      + "this URL plus an unguessable per-task token, and the receiver is registered on the same "
                      + "path through the REST consumer component (platform-http unless httpServerComponent says "
                      + "otherwise). Polling stays on as the safety net.")
    private String callbackBaseUrl;
    @UriParam(label = "advanced",
              description = "The component that serves the callback receiver (a RestConsumerFactory such as "
                      + "platform-http, netty-http, jetty or undertow); default: the REST configuration's component, "
                      + "else platform-http.")
    private String httpServerComponent;
    @UriParam(label = "advanced", defaultValue = "65536",
              description = "Largest callback body accepted, in bytes; larger bodies get 413 and are not read.")
    private int maxCallbackBytes = 64 * 1024;

    public EvolinkConfiguration copy() {
        try {
            EvolinkConfiguration copy = (EvolinkConfiguration) clone();
            copy.params = new HashMap<>(params);
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /** The API key from the option, else from {@code EVOLINK_API_KEY}. */
    public String resolveApiKey() {
        return apiKey != null && !apiKey.isBlank() ? apiKey : System.getenv("EVOLINK_API_KEY");
    }

    @Override
    public String toString() {
        return "EvolinkConfiguration[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "******")
                + ", waitForCompletion=" + waitForCompletion + ", download=" + download + "]";
    }

    // ---- accessors (the generated configurer binds through these) -----------------------------------------------

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String getFilesBaseUrl() {
        return filesBaseUrl;
    }

    public void setFilesBaseUrl(String filesBaseUrl) {
        this.filesBaseUrl = filesBaseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public int getMaxReadRetries() {
        return maxReadRetries;
    }

    public void setMaxReadRetries(int maxReadRetries) {
        this.maxReadRetries = maxReadRetries;
    }

    public int getMaxSubmitRetries() {
        return maxSubmitRetries;
    }

    public void setMaxSubmitRetries(int maxSubmitRetries) {
        this.maxSubmitRetries = maxSubmitRetries;
    }

    public boolean isAllowInsecureUrls() {
        return allowInsecureUrls;
    }

    public void setAllowInsecureUrls(boolean allowInsecureUrls) {
        this.allowInsecureUrls = allowInsecureUrls;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public String getSpeed() {
        return speed;
    }

    public void setSpeed(String speed) {
        this.speed = speed;
    }

    public String getQuality() {
        return quality;
    }

    public void setQuality(String quality) {
        this.quality = quality;
    }

    public Integer getImageNumber() {
        return imageNumber;
    }

    public void setImageNumber(Integer imageNumber) {
        this.imageNumber = imageNumber;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public Double getScale() {
        return scale;
    }

    public void setScale(Double scale) {
        this.scale = scale;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public Integer getCanvasWidth() {
        return canvasWidth;
    }

    public void setCanvasWidth(Integer canvasWidth) {
        this.canvasWidth = canvasWidth;
    }

    public Integer getCanvasHeight() {
        return canvasHeight;
    }

    public void setCanvasHeight(Integer canvasHeight) {
        this.canvasHeight = canvasHeight;
    }

    public Integer getImgPosX() {
        return imgPosX;
    }

    public void setImgPosX(Integer imgPosX) {
        this.imgPosX = imgPosX;
    }

    public Integer getImgPosY() {
        return imgPosY;
    }

    public void setImgPosY(Integer imgPosY) {
        this.imgPosY = imgPosY;
    }

    public Integer getImgPosWidth() {
        return imgPosWidth;
    }

    public void setImgPosWidth(Integer imgPosWidth) {
        this.imgPosWidth = imgPosWidth;
    }

    public Integer getImgPosHeight() {
        return imgPosHeight;
    }

    public void setImgPosHeight(Integer imgPosHeight) {
        this.imgPosHeight = imgPosHeight;
    }

    public String getMaskUrl() {
        return maskUrl;
    }

    public void setMaskUrl(String maskUrl) {
        this.maskUrl = maskUrl;
    }

    public String getMaskAreas() {
        return maskAreas;
    }

    public void setMaskAreas(String maskAreas) {
        this.maskAreas = maskAreas;
    }

    public String getImageUrls() {
        return imageUrls;
    }

    public void setImageUrls(String imageUrls) {
        this.imageUrls = imageUrls;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }

    public boolean isWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public long getMaxWaitTime() {
        return maxWaitTime;
    }

    public void setMaxWaitTime(long maxWaitTime) {
        this.maxWaitTime = maxWaitTime;
    }

    public long getMinPollInterval() {
        return minPollInterval;
    }

    public void setMinPollInterval(long minPollInterval) {
        this.minPollInterval = minPollInterval;
    }

    public long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public boolean isDownload() {
        return download;
    }

    public void setDownload(boolean download) {
        this.download = download;
    }

    public long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    public void setMaxDownloadBytes(long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public String getDownloadAllowedHosts() {
        return downloadAllowedHosts;
    }

    public void setDownloadAllowedHosts(String downloadAllowedHosts) {
        this.downloadAllowedHosts = downloadAllowedHosts;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public int getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public void setMaxConcurrentTasks(int maxConcurrentTasks) {
        this.maxConcurrentTasks = maxConcurrentTasks;
    }

    public boolean isFailWhenConcurrencyExceeded() {
        return failWhenConcurrencyExceeded;
    }

    public void setFailWhenConcurrencyExceeded(boolean failWhenConcurrencyExceeded) {
        this.failWhenConcurrencyExceeded = failWhenConcurrencyExceeded;
    }

    public String getCarryHeaders() {
        return carryHeaders;
    }

    public void setCarryHeaders(String carryHeaders) {
        this.carryHeaders = carryHeaders;
    }

    public boolean isDeliverFailedTasks() {
        return deliverFailedTasks;
    }

    public void setDeliverFailedTasks(boolean deliverFailedTasks) {
        this.deliverFailedTasks = deliverFailedTasks;
    }

    public boolean isEmitProgress() {
        return emitProgress;
    }

    public void setEmitProgress(boolean emitProgress) {
        this.emitProgress = emitProgress;
    }

    public Double getMinCreditBalance() {
        return minCreditBalance;
    }

    public void setMinCreditBalance(Double minCreditBalance) {
        this.minCreditBalance = minCreditBalance;
    }

    public long getDeliveryRetryDelay() {
        return deliveryRetryDelay;
    }

    public void setDeliveryRetryDelay(long deliveryRetryDelay) {
        this.deliveryRetryDelay = deliveryRetryDelay;
    }

    public String getCallbackBaseUrl() {
        return callbackBaseUrl;
    }

    public void setCallbackBaseUrl(String callbackBaseUrl) {
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    public int getMaxCallbackBytes() {
        return maxCallbackBytes;
    }

    public void setMaxCallbackBytes(int maxCallbackBytes) {
        this.maxCallbackBytes = maxCallbackBytes;
    }

    /** How the tasks of this endpoint are waited for, from maxWaitTime, minPollInterval and maxPollInterval. */
    WaitPolicy waitPolicy() {
        return new WaitPolicy(maxWaitTime, minPollInterval, maxPollInterval);
    }
}
