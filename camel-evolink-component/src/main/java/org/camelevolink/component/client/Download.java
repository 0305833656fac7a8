package org.camelevolink.component.client;

/** A downloaded result: its bytes and the content type the server declared. */
public record Download(byte[] bytes, String contentType) {

    @Override
    public String toString() {
        return "Download[" + bytes.length + " bytes, " + contentType + "]";
    }
}
