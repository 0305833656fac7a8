package org.camelevolink.component.catalog;

import org.camelevolink.component.client.CreateTaskRequest;

import java.util.List;

/**
 * A request after {@link RequestNormalizer}: what to send, and what was changed and why (for a log line or a
 * header, so the user learns that e.g. {@code --turbo} in a prompt does not buy turbo).
 */
public record NormalizedRequest(CreateTaskRequest request, List<String> notices) {

    public NormalizedRequest {
        notices = List.copyOf(notices);
    }

    public boolean changed() {
        return !notices.isEmpty();
    }
}
