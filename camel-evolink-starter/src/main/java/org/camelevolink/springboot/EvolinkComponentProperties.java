package org.camelevolink.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/**
 * The {@code camel.component.evolink.*} options of the evolink: component, one field per option of the component's
 * catalog (EvolinkComponentPropertiesTest keeps the two alike). Every field is boxed and unset by default: only the
 * options a user sets are copied onto the component, whose own defaults stand for the rest. The component's
 * nested {@code configuration} object is left out: its options are the flat ones here.
 */
@ConfigurationProperties(prefix = "camel.component.evolink")
public class EvolinkComponentProperties {

    /** Whether the evolink component is auto-configured (created and configured from these properties). */
    private boolean enabled = true;

    /**
     * Test mode: allow http:// and loopback or private addresses in callbackUrl and in downloads (for the embedded
     * simulator). Never enable against the real API. Default: False.
     */
    private Boolean allowInsecureUrls;

    /**
     * The EvoLink API key. When not set, the EVOLINK_API_KEY environment variable is used. In an endpoint URI
     * write it as RAW(...) so that plus, slash and equals signs survive URI parsing; a property placeholder in the
     * component option needs no RAW.
     */
    private String apiKey;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS
     * connection factories, AWS Clients, etc. Default: True.
     */
    private Boolean autowiredEnabled;

    /**
     * Base URL of the EvoLink API (the embedded simulator's URL in tests). Default: https://api.evolink.ai.
     */
    private String baseUrl;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally
     * only, and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel
     * component to hook into the 3rd party component and make this possible for future releases. By default the
     * consumer will use the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at
     * WARN or ERROR level and ignored. Default: False.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Public HTTPS base URL of this application's callback receiver, e.g.
     * https://camel.example.com/evolink/callbacks. When set, every submit sends callback_url = this URL plus an
     * unguessable per-task token, and the receiver is registered on the same path through the REST consumer
     * component (platform-http unless httpServerComponent says otherwise). Polling stays on as the safety net.
     */
    private String callbackBaseUrl;

    /**
     * HTTPS URL EvoLink calls when the task ends (callback_url).
     */
    private String callbackUrl;

    /**
     * Canvas height in pixels for edit and upload-paint (model_params.canvas.height).
     */
    private Integer canvasHeight;

    /**
     * Canvas width in pixels for edit and upload-paint (model_params.canvas.width).
     */
    private Integer canvasWidth;

    /**
     * Headers of the submitting exchange to keep with a task submitted with waitForCompletion=false and to put
     * back on the exchange the consumer emits, comma-separated (values are kept as text). The
     * CamelEvolinkCorrelationId header is always kept.
     */
    private String carryHeaders;

    /**
     * Connect timeout in milliseconds (or a duration such as 10s). In milliseconds. Default: 10000.
     */
    private Long connectTimeout;

    /**
     * Emit failed and cancelled tasks too, with CamelEvolinkTaskStatus, CamelEvolinkErrorCode and
     * CamelEvolinkErrorMessage; false emits only completed tasks. Default: True.
     */
    private Boolean deliverFailedTasks;

    /**
     * The window of the credit budget (maxCredits): the credits reserved by the tasks submitted within it count
     * (default 24 hours). Delivered records are kept at least this long, whatever taskRetention says. In
     * milliseconds. Default: 86400000.
     */
    private Long creditWindow;

    /**
     * Delay before a finished task whose exchange failed in the route is offered again; it doubles with every
     * failed offer, up to 5 minutes. In milliseconds. Default: 1000.
     */
    private Long deliveryRetryDelay;

    /**
     * Pan direction (model_params.direction).
     */
    private String direction;

    /**
     * Put the result images themselves in the body (a byte array per image, a List when several) instead of the
     * task. Default: False.
     */
    private Boolean download;

    /**
     * Hosts result images may be downloaded from, comma-separated; an entry with a leading wildcard label matches
     * every subdomain; empty means the host of baseUrl and EvoLink's own media hosts.
     */
    private String downloadAllowedHosts;

    /**
     * Also emit an exchange whenever the progress of a task of this model that this node waits for changes (at
     * most once per read), with header CamelEvolinkProgressUpdate true and the task as body, so that a route can
     * show progress; the final exchange follows as usual. Default: false.
     */
    private Boolean emitProgress;

    /**
     * With maxConcurrentTasks reached, fail the exchange at once (TooManyTasksException) instead of queueing it.
     * Default: False.
     */
    private Boolean failWhenConcurrencyExceeded;

    /**
     * Base URL of EvoLink's files API, used to upload image bodies. Default: https://files-api.evolink.ai.
     */
    private String filesBaseUrl;

    /**
     * Used for enabling or disabling all consumer based health checks from this component Default: True.
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true. Default: True.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * The component that serves the callback receiver (a RestConsumerFactory such as platform-http, netty-http,
     * jetty or undertow); default: the REST configuration's component, else platform-http.
     */
    private String httpServerComponent;

    /**
     * Which image of the source task a follow-up works on (model_params.image_number): 0-3, 0-23 for V8.2 draft
     * sources.
     */
    private Integer imageNumber;

    /**
     * Input image URLs (image_urls), comma-separated.
     */
    private String imageUrls;

    /**
     * Drawn height of the image on the canvas (model_params.img_pos.height).
     */
    private Integer imgPosHeight;

    /**
     * Drawn width of the image on the canvas (model_params.img_pos.width).
     */
    private Integer imgPosWidth;

    /**
     * Left offset of the image on the canvas (model_params.img_pos.x).
     */
    private Integer imgPosX;

    /**
     * Top offset of the image on the canvas (model_params.img_pos.y).
     */
    private Integer imgPosY;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to
     * allow CamelContext and routes to startup in situations where a producer may otherwise fail during starting
     * and cause the route to fail being started. By deferring this startup to be lazy then the startup failure can
     * be handled during routing messages via Camel's routing error handlers. Beware that when the first message is
     * processed then creating and starting the producer may take a little time and prolong the total processing
     * time of the processing. Default: False.
     */
    private Boolean lazyStartProducer;

    /**
     * With a shared task store: how long a node's hold on a task lasts without renewal. Nodes renew every third of
     * it; a node that stops renewing (it died, or lost the database) has its tasks taken over by another node once
     * it expires. Keep node clocks synchronised to well within it. In milliseconds. Default: 30000.
     */
    private Long leaseTime;

    /**
     * Mask polygons (model_params.mask.areas) as a JSON array with one object per polygon: integer width, height
     * and points (x1,y1,x2,y2,...). In a URI, wrap the JSON in RAW(); the table One endpoint per model of the
     * component reference has complete examples.
     */
    private String maskAreas;

    /**
     * URL of a mask image (model_params.mask.url); see the models guide for each version's mask semantics.
     */
    private String maskUrl;

    /**
     * Largest callback body accepted, in bytes; larger bodies get 413 and are not read. Default: 65536.
     */
    private Integer maxCallbackBytes;

    /**
     * Most tasks one endpoint has running at once (0: no limit). Beyond it, a submission waits for a free place
     * without holding a thread, or fails at once: see failWhenConcurrencyExceeded. Default: 0.
     */
    private Integer maxConcurrentTasks;

    /**
     * Largest image downloaded, in bytes. Default: 52428800.
     */
    private Long maxDownloadBytes;

    /**
     * A credit budget: the most credits the tasks submitted within creditWindow may reserve (EvoLink's
     * credits_reserved), counted from the task store, so that a restart keeps the count and nodes sharing a store
     * share the budget. A submit that would pass it fails with a CreditBudgetExceededException before anything is
     * sent. 0: no budget. Default: 0.
     */
    private Double maxCredits;

    /**
     * Longest delay between two status reads of one task, once the first read is made. In milliseconds. Default:
     * 30000.
     */
    private Long maxPollInterval;

    /**
     * Retries of a read (task status, batch, credits) after 429, 502, 503 or a network error, with backoff
     * honouring Retry-After. Default: 3.
     */
    private Integer maxReadRetries;

    /**
     * Largest API answer body read, in bytes; larger answers fail instead of filling memory. Default: 10485760.
     */
    private Long maxResponseBytes;

    /**
     * Re-sends of a paid submit after a network error, 429, 502 or 503, always with the same Idempotency-Key so
     * EvoLink never charges twice. Default: 2.
     */
    private Integer maxSubmitRetries;

    /**
     * Longest wait for a task, in milliseconds or a duration such as 30m; then an EvolinkTimeoutException names
     * the task, which still exists. In milliseconds. Default: 1800000.
     */
    private Long maxWaitTime;

    /**
     * The producer health check is DOWN when this key's remaining credits (read with its cheap GET /v1/credits)
     * are below this figure, and says the figure. Unset: no check.
     */
    private Double minCreditBalance;

    /**
     * Shortest delay between two status reads of one task. Reads come first at 3/4 of EvoLink's estimated_time,
     * then every 4% of the task's running time, within minPollInterval and maxPollInterval. In milliseconds.
     * Default: 1000.
     */
    private Long minPollInterval;

    /**
     * Remix strength (model_params.mode).
     */
    private String mode;

    /**
     * How long the reads of waiting tasks must keep failing (network errors, timeouts, 429, 5xx) before a WARN
     * says EvoLink is not answering, once per outage; an INFO says when it answers again, and consumer health
     * checks are DOWN meanwhile. In milliseconds. Default: 60000.
     */
    private Long outageWarningDelay;

    /**
     * Any other model_params entry, e.g. param.seed_hint=7; typed options win over these. This is a multi-value
     * option with prefix: param.
     */
    private Map<String, Object> params;

    /**
     * The prompt. A String body or the CamelEvolinkPrompt header overrides it.
     */
    private String prompt;

    /**
     * Host of an HTTP proxy to reach EvoLink through.
     */
    private String proxyHost;

    /**
     * Port of the HTTP proxy.
     */
    private Integer proxyPort;

    /**
     * Quality of V8.x generations (hd costs 1.5x).
     */
    private String quality;

    /**
     * Timeout for one HTTP answer in milliseconds (or a duration such as 30s). In milliseconds. Default: 30000.
     */
    private Long responseTimeout;

    /**
     * Outpaint (1.1-2.0) or pan (1.1-3.0) factor (model_params.scale).
     */
    private Double scale;

    /**
     * Speed (model_params.speed). Which values a model takes is in the models guide.
     */
    private String speed;

    /**
     * TLS settings (trust store, key store, protocols) for the connections to EvoLink. A reference to a bean of
     * type org.apache.camel.support.jsse.SSLContextParameters (#bean:name, #class:fully.qualified.Name).
     */
    private String sslContextParameters;

    /**
     * Threads that run the task store's reads and writes, so that no store call runs on the HTTP client's I/O
     * thread or the task tracker's timer. Saves made at once share a commit. Default: 2.
     */
    private Integer storeThreads;

    /**
     * The source task of a follow-up model (model_params.task_id) when neither the body nor the CamelEvolinkTaskId
     * header gives it.
     */
    private String taskId;

    /**
     * How long a delivered task is remembered, so that a re-sent message with the same idempotency key finds it
     * instead of paying again (default 24 hours). In milliseconds. Default: 86400000.
     */
    private Long taskRetention;

    /**
     * The task store: a record per submitted task, so that waiting tasks and undelivered results survive a restart
     * and a re-sent message is never paid twice. Default: the persistent store in taskStoreFile.
     * #class:org.camelevolink.component.store.InMemoryTaskStore keeps records in memory only. A reference to a
     * bean of type org.camelevolink.component.store.TaskStore (#bean:name, #class:fully.qualified.Name).
     */
    private String taskStore;

    /**
     * A JDBC data source (PostgreSQL) for a task store shared by several nodes: every node given the same database
     * and table prefix shares the work, and a node that dies has its tasks taken over by the others after
     * leaseTime. The tables are created at start when absent. Unset: the file store of one node. A reference to a
     * bean of type javax.sql.DataSource (#bean:name, #class:fully.qualified.Name).
     */
    private String taskStoreDataSource;

    /**
     * File of the default persistent task store (H2 MVStore), relative to the working directory. Opened (and
     * created) when first needed: when a consumer starts or the first task is submitted. One application at a time
     * may open it. Default: evolink-data/tasks.mv.
     */
    private String taskStoreFile;

    /**
     * Prefix of the shared task store's tables (prefix tasks and prefix schema): lower-case letters, digits and
     * underscores. Default: evolink_.
     */
    private String taskStoreTablePrefix;

    /**
     * Upscale mode (standard, creative) or variation strength (subtle, strong): model_params.type.
     */
    private String type;

    /**
     * Continue the exchange when the task has finished (no thread is held while it runs); false continues at once
     * with the pending task. Default: True.
     */
    private Boolean waitForCompletion;

    /**
     * Threads that continue exchanges once their task has ended and run consumer routes, so that slow route steps
     * never hold up the HTTP client's I/O thread. Also the most deliveries to consumer routes in flight at once,
     * each until its outcome is recorded in the task store, which bounds what a crash can deliver twice. Default:
     * 4.
     */
    private Integer workerThreads;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Boolean getAllowInsecureUrls() {
        return allowInsecureUrls;
    }

    public void setAllowInsecureUrls(Boolean allowInsecureUrls) {
        this.allowInsecureUrls = allowInsecureUrls;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public String getCallbackBaseUrl() {
        return callbackBaseUrl;
    }

    public void setCallbackBaseUrl(String callbackBaseUrl) {
        this.callbackBaseUrl = callbackBaseUrl;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public Integer getCanvasHeight() {
        return canvasHeight;
    }

    public void setCanvasHeight(Integer canvasHeight) {
        this.canvasHeight = canvasHeight;
    }

    public Integer getCanvasWidth() {
        return canvasWidth;
    }

    public void setCanvasWidth(Integer canvasWidth) {
        this.canvasWidth = canvasWidth;
    }

    public String getCarryHeaders() {
        return carryHeaders;
    }

    public void setCarryHeaders(String carryHeaders) {
        this.carryHeaders = carryHeaders;
    }

    public Long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Boolean getDeliverFailedTasks() {
        return deliverFailedTasks;
    }

    public void setDeliverFailedTasks(Boolean deliverFailedTasks) {
        this.deliverFailedTasks = deliverFailedTasks;
    }

    public Long getCreditWindow() {
        return creditWindow;
    }

    public void setCreditWindow(Long creditWindow) {
        this.creditWindow = creditWindow;
    }

    public Long getDeliveryRetryDelay() {
        return deliveryRetryDelay;
    }

    public void setDeliveryRetryDelay(Long deliveryRetryDelay) {
        this.deliveryRetryDelay = deliveryRetryDelay;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = direction;
    }

    public Boolean getDownload() {
        return download;
    }

    public void setDownload(Boolean download) {
        this.download = download;
    }

    public String getDownloadAllowedHosts() {
        return downloadAllowedHosts;
    }

    public void setDownloadAllowedHosts(String downloadAllowedHosts) {
        this.downloadAllowedHosts = downloadAllowedHosts;
    }

    public Boolean getEmitProgress() {
        return emitProgress;
    }

    public void setEmitProgress(Boolean emitProgress) {
        this.emitProgress = emitProgress;
    }

    public Boolean getFailWhenConcurrencyExceeded() {
        return failWhenConcurrencyExceeded;
    }

    public void setFailWhenConcurrencyExceeded(Boolean failWhenConcurrencyExceeded) {
        this.failWhenConcurrencyExceeded = failWhenConcurrencyExceeded;
    }

    public String getFilesBaseUrl() {
        return filesBaseUrl;
    }

    public void setFilesBaseUrl(String filesBaseUrl) {
        this.filesBaseUrl = filesBaseUrl;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getHttpServerComponent() {
        return httpServerComponent;
    }

    public void setHttpServerComponent(String httpServerComponent) {
        this.httpServerComponent = httpServerComponent;
    }

    public Integer getImageNumber() {
        return imageNumber;
    }

    public void setImageNumber(Integer imageNumber) {
        this.imageNumber = imageNumber;
    }

    public String getImageUrls() {
        return imageUrls;
    }

    public void setImageUrls(String imageUrls) {
        this.imageUrls = imageUrls;
    }

    public Integer getImgPosHeight() {
        return imgPosHeight;
    }

    public void setImgPosHeight(Integer imgPosHeight) {
        this.imgPosHeight = imgPosHeight;
    }

    public Integer getImgPosWidth() {
        return imgPosWidth;
    }

    public void setImgPosWidth(Integer imgPosWidth) {
        this.imgPosWidth = imgPosWidth;
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

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Long getLeaseTime() {
        return leaseTime;
    }

    public void setLeaseTime(Long leaseTime) {
        this.leaseTime = leaseTime;
    }

    public String getMaskAreas() {
        return maskAreas;
    }

    public void setMaskAreas(String maskAreas) {
        this.maskAreas = maskAreas;
    }

    public String getMaskUrl() {
        return maskUrl;
    }

    public void setMaskUrl(String maskUrl) {
        this.maskUrl = maskUrl;
    }

    public Integer getMaxCallbackBytes() {
        return maxCallbackBytes;
    }

    public void setMaxCallbackBytes(Integer maxCallbackBytes) {
        this.maxCallbackBytes = maxCallbackBytes;
    }

    public Integer getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public void setMaxConcurrentTasks(Integer maxConcurrentTasks) {
        this.maxConcurrentTasks = maxConcurrentTasks;
    }

    public Long getMaxDownloadBytes() {
        return maxDownloadBytes;
    }

    public void setMaxDownloadBytes(Long maxDownloadBytes) {
        this.maxDownloadBytes = maxDownloadBytes;
    }

    public Double getMaxCredits() {
        return maxCredits;
    }

    public void setMaxCredits(Double maxCredits) {
        this.maxCredits = maxCredits;
    }

    public Long getMaxPollInterval() {
        return maxPollInterval;
    }

    public void setMaxPollInterval(Long maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
    }

    public Integer getMaxReadRetries() {
        return maxReadRetries;
    }

    public void setMaxReadRetries(Integer maxReadRetries) {
        this.maxReadRetries = maxReadRetries;
    }

    public Long getMaxResponseBytes() {
        return maxResponseBytes;
    }

    public void setMaxResponseBytes(Long maxResponseBytes) {
        this.maxResponseBytes = maxResponseBytes;
    }

    public Integer getMaxSubmitRetries() {
        return maxSubmitRetries;
    }

    public void setMaxSubmitRetries(Integer maxSubmitRetries) {
        this.maxSubmitRetries = maxSubmitRetries;
    }

    public Long getMaxWaitTime() {
        return maxWaitTime;
    }

    public void setMaxWaitTime(Long maxWaitTime) {
        this.maxWaitTime = maxWaitTime;
    }

    public Double getMinCreditBalance() {
        return minCreditBalance;
    }

    public void setMinCreditBalance(Double minCreditBalance) {
        this.minCreditBalance = minCreditBalance;
    }

    public Long getMinPollInterval() {
        return minPollInterval;
    }

    public void setMinPollInterval(Long minPollInterval) {
        this.minPollInterval = minPollInterval;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public Long getOutageWarningDelay() {
        return outageWarningDelay;
    }

    public void setOutageWarningDelay(Long outageWarningDelay) {
        this.outageWarningDelay = outageWarningDelay;
    }

    public Map<String, Object> getParams() {
        return params;
    }

    public void setParams(Map<String, Object> params) {
        this.params = params;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
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

    public String getQuality() {
        return quality;
    }

    public void setQuality(String quality) {
        this.quality = quality;
    }

    public Long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Double getScale() {
        return scale;
    }

    public void setScale(Double scale) {
        this.scale = scale;
    }

    public String getSpeed() {
        return speed;
    }

    public void setSpeed(String speed) {
        this.speed = speed;
    }

    public String getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(String sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Integer getStoreThreads() {
        return storeThreads;
    }

    public void setStoreThreads(Integer storeThreads) {
        this.storeThreads = storeThreads;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public Long getTaskRetention() {
        return taskRetention;
    }

    public void setTaskRetention(Long taskRetention) {
        this.taskRetention = taskRetention;
    }

    public String getTaskStore() {
        return taskStore;
    }

    public void setTaskStore(String taskStore) {
        this.taskStore = taskStore;
    }

    public String getTaskStoreDataSource() {
        return taskStoreDataSource;
    }

    public void setTaskStoreDataSource(String taskStoreDataSource) {
        this.taskStoreDataSource = taskStoreDataSource;
    }

    public String getTaskStoreFile() {
        return taskStoreFile;
    }

    public void setTaskStoreFile(String taskStoreFile) {
        this.taskStoreFile = taskStoreFile;
    }

    public String getTaskStoreTablePrefix() {
        return taskStoreTablePrefix;
    }

    public void setTaskStoreTablePrefix(String taskStoreTablePrefix) {
        this.taskStoreTablePrefix = taskStoreTablePrefix;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Boolean getWaitForCompletion() {
        return waitForCompletion;
    }

    public void setWaitForCompletion(Boolean waitForCompletion) {
        this.waitForCompletion = waitForCompletion;
    }

    public Integer getWorkerThreads() {
        return workerThreads;
    }

    public void setWorkerThreads(Integer workerThreads) {
        this.workerThreads = workerThreads;
    }
}
