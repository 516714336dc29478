package io.kinobezdna.orders.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The orders service's settings ({@code kb.orders.*}, documented in orders.yaml).
 *
 * @param premiereSeats seats of a premiere screening the first time an order names its ticket SKU
 * @param paymentWindow how long an order can be paid
 * @param expirySweepInterval how often unpaid orders past their window are looked for
 */
@ConfigurationProperties("kb.orders")
public record OrdersProperties(
    @DefaultValue("100") long premiereSeats,
    @DefaultValue("10m") Duration paymentWindow,
    @DefaultValue("15s") Duration expirySweepInterval) {}
