package org.camelevolink.component.crash;

import org.camelevolink.component.EvolinkComponent;
import org.camelevolink.component.EvolinkConfiguration;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** What the applications the crash tests kill share: the component's set-up and the delivery log. */
public final class CrashApps {

    private CrashApps() {
    }

    /** The component on the simulator at {@code baseUrl}, polling every 20 to 200 ms; the store is the caller's. */
    public static EvolinkComponent component(String baseUrl, String apiKey) {
        EvolinkComponent evolink = new EvolinkComponent();
        EvolinkConfiguration cfg = evolink.getConfiguration();
        cfg.setApiKey(apiKey);
        cfg.setBaseUrl(baseUrl);
        cfg.setFilesBaseUrl(baseUrl);
        cfg.setAllowInsecureUrls(true);
        cfg.setMinPollInterval(20);
        cfg.setMaxPollInterval(200);
        return evolink;
    }

    /** Appends one line in one write with O_APPEND: lines of several processes never interleave. */
    public static synchronized void append(Path log, String line) throws IOException {
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
