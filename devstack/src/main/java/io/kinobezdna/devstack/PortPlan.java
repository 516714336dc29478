package io.kinobezdna.devstack;

/**
 * Every port the devstack listens on, derived from one base so that a developer's platform ({@link
 * #DEVELOPMENT}, base 17000) and a test run ({@link #TEST}, base 27000) can run side by side. All
 * ports stay clear of the well-known defaults (5432, 9092, 5672, 6379, 9042…) and of 35672–35682,
 * which RabbitMQ's CLI tools use for Erlang distribution. The whole plan stays below Linux's
 * ephemeral range (32768+): a server port there can already be taken by some outgoing connection's
 * local port.
 */
public record PortPlan(int base) {

  public static final PortPlan DEVELOPMENT = new PortPlan(17000);
  public static final PortPlan TEST = new PortPlan(27000);

  public PortPlan {
    if (base < 1024 || base > 32000) {
      throw new IllegalArgumentException(
          "port base must be within 1024..32000 (below the ephemeral ports), was " + base);
    }
  }

  public int postgres() {
    return base + 432;
  }

  /** pgbouncer in front of {@link #postgres()}. */
  public int pgbouncer() {
    return base + 433;
  }

  public int redis() {
    return base + 379;
  }

  public int kafka() {
    return base + 92;
  }

  public int kafkaController() {
    return base + 93;
  }

  public int rabbitAmqp() {
    return base + 672;
  }

  public int rabbitManagement() {
    return base + 673;
  }

  public int rabbitWebStomp() {
    return base + 674;
  }

  public int rabbitStomp() {
    return base + 613;
  }

  public int rabbitDistribution() {
    return base + 675;
  }

  public int epmd() {
    return base + 369;
  }

  public int s3() {
    return base + 333;
  }

  /** Zipkin: its collector API and UI. */
  public int zipkin() {
    return base + 411;
  }

  public int cassandraNative() {
    return base + 42;
  }

  public int cassandraStorage() {
    return base + 70;
  }

  public int cassandraJmx() {
    return base + 199;
  }
}
