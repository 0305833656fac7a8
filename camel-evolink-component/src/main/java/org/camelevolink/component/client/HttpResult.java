package org.camelevolink.component.client;

import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** A complete HTTP answer whose body was read within the configured bound. */
record HttpResult(int status, String contentType, byte[] body, HttpResponse head) {

    String header(String name) {
        Header h = head.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
