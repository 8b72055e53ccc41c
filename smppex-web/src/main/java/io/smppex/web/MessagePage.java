package io.smppex.web;

import java.util.List;

/**
 * One page of messages.
 *
 * @param total how many messages match the filters, on all pages
 * @param messages this page, newest first, without their PDUs
 */
public record MessagePage(long total, List<Message> messages) {

    /**
     * Copies the list.
     *
     * @param total how many messages match the filters, on all pages
     * @param messages this page, newest first, without their PDUs
     */
    public MessagePage {
        messages = List.copyOf(messages);
    }
}
