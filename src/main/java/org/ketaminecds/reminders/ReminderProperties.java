package org.ketaminecds.reminders;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminders that do not repeat ({@code cds.cards.reminders.*}, docs/content/service-definitions.md "Reminders that do
 * not repeat").
 *
 * @param suppressRepeats when true (the default), a card whose rule declares {@code repeat} is not returned again for
 *     the same patient and service while nothing new is known; false: every card is returned whenever its rule fires
 *     (and nothing is stored)
 */
@ConfigurationProperties("cds.cards.reminders")
public record ReminderProperties(@DefaultValue("true") boolean suppressRepeats) {}
