package org.camelevolink.component;

import org.camelevolink.component.client.EvolinkClient;
import org.camelevolink.component.client.EvolinkTask;
import org.camelevolink.component.client.HttpUrls;
import org.camelevolink.component.client.ImageTypes;
import org.camelevolink.component.exceptions.EvolinkException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Downloads a completed task's images, refusing what a result must not be: a non-HTTPS link (outside test mode),
 * a host outside the allowed list, a body above the size limit, or content that is not an image.
 */
final class ResultDownloader {

    /** EvoLink's result hosts when no list is configured (besides the API host itself). */
    private static final List<String> EVOLINK_HOSTS = List.of("*.evolink.ai");

    private final EvolinkClient client;
    private final EvolinkConfiguration cfg;
    private final List<String> allowedHosts;

    ResultDownloader(EvolinkClient client, EvolinkConfiguration cfg) {
        this.client = client;
        this.cfg = cfg;
        this.allowedHosts = allowedHosts(cfg);
    }

    CompletableFuture<List<ResultMapper.Image>> download(EvolinkTask task) {
        List<String> urls = task.getResults();
        List<CompletableFuture<ResultMapper.Image>> images = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            images.add(one(task.getId(), i, urls.get(i)));
        }
        return CompletableFuture.allOf(images.toArray(CompletableFuture[]::new))
                .thenApply(v -> images.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<ResultMapper.Image> one(String taskId, int index, String url) {
        try {
            check(url);
        } catch (EvolinkException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.download(url, cfg.getMaxDownloadBytes()).thenApply(d -> {
            String type = d.contentType() == null ? "" : d.contentType().toLowerCase(Locale.ROOT);
            String sniffed = ImageTypes.sniff(d.bytes());
            if (!type.startsWith("image/") || sniffed == null) {
                throw new EvolinkException("Result " + index + " of task " + taskId + " is not an image (content type '"
                        + d.contentType() + "')");
            }
            return new ResultMapper.Image(index, d.bytes(), sniffed, taskId + "-" + index + "." + ImageTypes.extension(sniffed).orElseThrow());
        });
    }

    private void check(String url) {
        URI uri = HttpUrls.parse(url).orElseThrow(() -> new EvolinkException(
                "Result link is not an absolute URL with a host: " + url));
        String scheme = HttpUrls.scheme(uri);
        if (!scheme.equals("https") && !(cfg.isAllowInsecureUrls() && scheme.equals("http"))) {
            throw new EvolinkException("Refusing to download a result over " + scheme + ": " + url
                    + " (only https; allowInsecureUrls is for the simulator)");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (allowedHosts.stream().noneMatch(pattern -> matches(pattern, host))) {
            throw new EvolinkException("Refusing to download a result from host " + host + ": not in "
                    + allowedHosts + " (option downloadAllowedHosts)");
        }
    }

    private static List<String> allowedHosts(EvolinkConfiguration cfg) {
        if (cfg.getDownloadAllowedHosts() != null && !cfg.getDownloadAllowedHosts().isBlank()) {
            return Arrays.stream(cfg.getDownloadAllowedHosts().split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty()).toList();
        }
        List<String> hosts = new ArrayList<>(EVOLINK_HOSTS);
        hosts.add(hostOf(cfg.getBaseUrl()));
        hosts.add(hostOf(cfg.getFilesBaseUrl()));
        return hosts;
    }

    private static String hostOf(String url) {
        String host = URI.create(url).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    static boolean matches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            return host.endsWith(pattern.substring(1)) || host.equals(pattern.substring(2));
        }
        return host.equals(pattern);
    }

}
