package org.camelevolink.component;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;
import org.camelevolink.component.client.EvolinkTask;

import java.util.ArrayList;
import java.util.List;

/** Puts a task outcome on the exchange: the task (or its images) in the body, the facts in headers. */
final class ResultMapper {

    /** A downloaded result image. */
    record Image(int index, byte[] bytes, String contentType, String fileName) {
    }

    /** A completed task with its images downloaded. */
    record Downloaded(EvolinkTask task, List<Image> images) {
    }

    private ResultMapper() {
    }

    static void apply(Exchange exchange, Object result) {
        Message out = exchange.getMessage();
        if (result instanceof Downloaded d) {
            taskHeaders(out, d.task());
            out.setBody(images(exchange, d));
        } else {
            EvolinkTask task = (EvolinkTask) result;
            taskHeaders(out, task);
            out.setBody(task);
        }
    }

    /** One image: its bytes are the body. Several: a List of messages, so that split(body()) keeps each name. */
    private static Object images(Exchange exchange, Downloaded d) {
        Message out = exchange.getMessage();
        if (d.images().size() == 1) {
            Image image = d.images().get(0);
            imageHeaders(out, image);
            return image.bytes();
        }
        List<Message> messages = new ArrayList<>();
        for (Image image : d.images()) {
            Message m = new DefaultMessage(exchange);
            m.setHeaders(new java.util.HashMap<>(out.getHeaders()));
            imageHeaders(m, image);
            m.setBody(image.bytes());
            messages.add(m);
        }
        return messages;
    }

    private static void imageHeaders(Message m, Image image) {
        m.setHeader(Exchange.CONTENT_TYPE, image.contentType());
        m.setHeader(Exchange.FILE_NAME, image.fileName());
        m.setHeader(EvolinkConstants.RESULT_INDEX, image.index());
    }

    static void taskHeaders(Message m, EvolinkTask task) {
        m.setHeader(EvolinkConstants.TASK_ID, task.getId());
        m.setHeader(EvolinkConstants.TASK_STATUS, task.getStatus().wireName());
        m.setHeader(EvolinkConstants.MODEL, task.getModel());
        m.setHeader(EvolinkConstants.PROGRESS, task.getProgress());
        m.setHeader(EvolinkConstants.RESULT_URLS, task.getResults());
        if (task.getUsage() != null) {
            m.setHeader(EvolinkConstants.CREDITS_RESERVED, task.getUsage().creditsReserved());
            m.setHeader(EvolinkConstants.CREDITS_USED, task.getUsage().creditsUsed());
        }
    }
}
