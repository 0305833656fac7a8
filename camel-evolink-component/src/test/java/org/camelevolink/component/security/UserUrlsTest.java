package org.camelevolink.component.security;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.camelevolink.component.EvolinkConstants;
import org.camelevolink.simulator.fault.Fault;
import org.camelevolink.simulator.fault.FaultKind;
import org.camelevolink.simulator.http.Endpoint;
import org.camelevolink.simulator.journal.JournalEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSRF through image URLs that come from users (imageUrls, the image-URLs header, image prompts, maskUrl): the
 * component validates them and forwards them to EvoLink, which fetches them from its side; the component itself
 * never requests them, whatever the address, a loopback one included. The simulator, like EvoLink, does fetch
 * them (with the JDK's HTTP client): every request the URLs' server gets comes from there, none from the
 * component's client (user agent camel-evolink/...) and none carries the API key.
 */
class UserUrlsTest extends SecurityTestSupport {

    /** A server on loopback, the kind of address an attacker would aim a server-side fetch at. */
    private HttpServer internal;
    private final List<String[]> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void startInternalServer() throws IOException {
        byte[] png = png();
        internal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        internal.createContext("/", x -> {
            requests.add(new String[] {x.getRequestURI().getPath(), x.getRequestHeaders().getFirst("User-Agent"),
                    x.getRequestHeaders().getFirst("Authorization")});
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, png.length);
            x.getResponseBody().write(png);
            x.close();
        });
        internal.start();
        base = "http://127.0.0.1:" + internal.getAddress().getPort();
    }

    @AfterEach
    void stopInternalServer() {
        internal.stop(0);
    }

    @Test
    void imageUrlsFromAnOptionAHeaderAPromptOrAMaskAreForwardedNotFetched() throws Exception {
        Exchange retexture = template.request("evolink:mj-v7-retexture?prompt=made of wood&imageUrls=" + base
                + "/option.png", e -> { });
        Exchange header = template.request("evolink:mj-v7-retexture?prompt=made of stone",
                e -> e.getMessage().setHeader(EvolinkConstants.IMAGE_URLS, List.of(base + "/header.png")));
        Exchange prompt = template.request("evolink:mj-v7", e -> e.getMessage().setBody(base
                + "/prompt.png a red kite"));
        // the task is not run to its end: whether the mask suits the model is beside the point here
        SIM.simulator().faults().script(Endpoint.CREATE, Fault.of(FaultKind.NEVER_FINISH), 1);
        Exchange mask = template.request("evolink:mj-v7-upload-paint?prompt=fill&canvasWidth=96&canvasHeight=64"
                + "&imgPosX=0&imgPosY=0&imgPosWidth=64&imgPosHeight=64&waitForCompletion=false&maskUrl=" + base
                + "/mask.png&imageUrls=" + base + "/paint.png", e -> { });
        for (Exchange out : List.of(retexture, header, prompt, mask)) {
            assertThat(out.getException()).isNull();
        }

        List<String> sent = SIM.simulator().journal(Endpoint.CREATE).stream().map(JournalEntry::body).toList();
        for (String path : List.of("/option.png", "/header.png", "/prompt.png", "/mask.png", "/paint.png")) {
            assertThat(sent).as("sent to EvoLink as given").anyMatch(body -> body.contains(base + path));
        }
        assertThat(requests).as("the simulator fetched the inputs of the tasks it ran").extracting(r -> r[0])
                .contains("/option.png", "/header.png", "/prompt.png");
        assertThat(requests).allSatisfy(r -> {
            assertThat(r[1]).as("user agent of the request for " + r[0]).doesNotStartWith("camel-evolink");
            assertThat(r[2]).as("Authorization of the request for " + r[0]).isNull();
        });
        assertThat(SIM.simulator().journal(Endpoint.FILES)).as("no upload by URL either").isEmpty();
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
