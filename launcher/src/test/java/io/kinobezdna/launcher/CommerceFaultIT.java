package io.kinobezdna.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.kinobezdna.cart.CartApplication;
import io.kinobezdna.contracts.cart.v1.CartServiceGrpc;
import io.kinobezdna.contracts.cart.v1.CheckoutRequest;
import io.kinobezdna.contracts.catalog.v1.CatalogServiceGrpc;
import io.kinobezdna.contracts.catalog.v1.GetProductRequest;
import io.kinobezdna.contracts.catalog.v1.GetProductResponse;
import io.kinobezdna.contracts.catalog.v1.OfferKind;
import io.kinobezdna.devstack.ManagedProcess;
import io.kinobezdna.devstack.components.Postgres;
import io.kinobezdna.notifications.NotificationsApplication;
import io.kinobezdna.platform.testkit.ServiceUnderTest;
import io.kinobezdna.platform.testkit.TestInfrastructure;
import io.kinobezdna.platform.testkit.TestTokens;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fault test of the commerce pair: orders runs in a JVM of its own and is killed with SIGKILL
 * while 1,000 checkouts run against the cart; the clients retry what failed, orders comes back, and
 * afterwards every order that committed has exactly one notification per status change, in order,
 * no notification names an order that did not commit, and no cart became two orders.
 */
class CommerceFaultIT {

  static final long RENT = 101;

  /** A premiere with fewer seats than carts that want one: some orders fail, by design. */
  static final long TICKET = 2_000_000 + (System.nanoTime() & 0xffffff);

  static final int CHECKOUTS = 1_000;
  static final int SEATS = 300;

  @Test
  void killingOrdersMidCheckoutLosesAndDuplicatesNothing() throws Exception {
    TestInfrastructure infra = TestInfrastructure.ensure("postgres", "kafka", "redis");
    PlatformPlan plan = new PlatformPlan(infra.home(), freePort());
    Server catalog =
        NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
            .addService(new Catalog())
            .build()
            .start();
    ServiceDefinition orders = ServiceCatalog.byName("orders");
    Map<String, String> ordersProperties =
        new LinkedHashMap<>(plan.properties(orders, List.of(orders)));
    List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    try (TestTokens tokens = new TestTokens();
        SeparateJvmServiceRunner runner = new SeparateJvmServiceRunner(infra.home(), plan)) {
      ordersProperties.put("kb.auth.jwks-url", tokens.jwksUrl());
      ordersProperties.put("kb.grpc-services.catalog", "http://127.0.0.1:" + catalog.getPort());
      ordersProperties.put("kb.orders.premiere-seats", Integer.toString(SEATS));
      runner.start(orders, ordersProperties);
      ConfigurableApplicationContext cartService =
          onLauncherClasspath(
                  ServiceUnderTest.of(CartApplication.class, CartApplication.CONFIG_NAME))
              .database(infra.postgres("cart"))
              .redis(infra)
              .tokensFrom(tokens)
              .grpcService("catalog", catalog.getPort())
              .grpcService("orders", plan.grpcPort(orders))
              .start();
      contexts.add(cartService);
      contexts.add(
          onLauncherClasspath(
                  ServiceUnderTest.of(
                      NotificationsApplication.class, NotificationsApplication.CONFIG_NAME))
              .database(infra.postgres("notifications"))
              .kafka(infra)
              .tokensFrom(tokens)
              .start());

      // 1,000 carts: all rent a film, every other one also wants a premiere seat
      List<UUID> users = new ArrayList<>();
      for (int i = 0; i < CHECKOUTS; i++) {
        users.add(UUID.randomUUID());
      }
      fillCarts(infra.postgres("cart"), users);

      String admin = tokens.tokenFor(UUID.randomUUID().toString(), "Admin", "ADMIN");
      Metadata auth = new Metadata();
      auth.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + admin);
      ManagedChannel channel =
          ManagedChannelBuilder.forAddress("127.0.0.1", ServiceUnderTest.grpcPort(cartService))
              .usePlaintext()
              .build();
      var cart =
          CartServiceGrpc.newBlockingStub(channel)
              .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(auth));

      AtomicInteger next = new AtomicInteger();
      AtomicInteger done = new AtomicInteger();
      AtomicInteger retries = new AtomicInteger();
      List<Thread> clients = new ArrayList<>();
      for (int c = 0; c < 16; c++) {
        clients.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        for (int i = next.getAndIncrement();
                            i < users.size();
                            i = next.getAndIncrement()) {
                          checkoutUntilAnswered(cart, users.get(i), retries);
                          done.incrementAndGet();
                        }
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    }));
      }
      // mid-run, the orders JVM dies without a chance to finish anything
      while (done.get() < CHECKOUTS / 4) {
        Thread.sleep(10);
      }
      ManagedProcess killed =
          ManagedProcess.fromPidFile(infra.home().pidFile("service-orders")).orElseThrow();
      ProcessHandle.of(killed.pid()).orElseThrow().destroyForcibly();
      ProcessHandle.of(killed.pid()).ifPresent(p -> p.onExit().join());
      int atKill = done.get();
      runner.start(orders, ordersProperties);
      for (Thread client : clients) {
        client.join();
      }
      channel.shutdownNow();
      assertThat(atKill).as("the kill came mid-run").isLessThan(CHECKOUTS);
      assertThat(retries.get()).as("some checkouts met the dead orders service").isPositive();

      Map<Long, Map.Entry<UUID, String>> committed =
          committedOrders(infra.postgres("orders"), users);
      // every cart became exactly one order: none lost, none doubled by the retries
      assertThat(committed).hasSize(CHECKOUTS);
      assertThat(committed.values().stream().map(Map.Entry::getKey).distinct()).hasSize(CHECKOUTS);
      // half the carts want a seat and there are SEATS of them: the rest of those orders failed
      assertThat(committed.values().stream().filter(o -> o.getValue().equals("failed")))
          .hasSize(CHECKOUTS / 2 - SEATS);

      Map<Long, List<String>> notified =
          awaitNotifications(infra.postgres("notifications"), users, committed);
      assertThat(notified.keySet())
          .as("no notification for an order that did not commit")
          .isSubsetOf(committed.keySet());
      for (Map.Entry<Long, Map.Entry<UUID, String>> order : committed.entrySet()) {
        assertThat(notified.get(order.getKey()))
            .as("notifications of order %d", order.getKey())
            .containsExactly("new", order.getValue().getValue());
      }
    } finally {
      for (ConfigurableApplicationContext context : contexts) {
        context.close();
      }
      catalog.shutdownNow();
    }
  }

  /** A checkout, tried again while orders is away; a refusal (stock short) is an answer too. */
  static void checkoutUntilAnswered(
      CartServiceGrpc.CartServiceBlockingStub cart, UUID user, AtomicInteger retries)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      try {
        cart.withDeadlineAfter(10, TimeUnit.SECONDS)
            .checkout(CheckoutRequest.newBuilder().setUserId(user.toString()).build());
        return;
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.FAILED_PRECONDITION) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw e;
        }
        retries.incrementAndGet();
        Thread.sleep(200);
      }
    }
  }

  /** This classpath holds the gateway too: off, as the launcher keeps it for services. */
  static ServiceUnderTest onLauncherClasspath(ServiceUnderTest service) {
    return service
        .property("spring.cloud.gateway.server.webflux.enabled", false)
        .property("spring.autoconfigure.exclude", PlatformPlan.SERVICE_EXCLUDES);
  }

  static void fillCarts(Postgres.Database db, List<UUID> users) throws Exception {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      c.setAutoCommit(false);
      try (PreparedStatement cartRow =
              c.prepareStatement("insert into carts (user_id, version) values (?, 1)");
          PreparedStatement item =
              c.prepareStatement("insert into cart_items (user_id, sku, count) values (?, ?, 1)")) {
        for (int i = 0; i < users.size(); i++) {
          cartRow.setObject(1, users.get(i));
          cartRow.addBatch();
          item.setObject(1, users.get(i));
          item.setLong(2, RENT);
          item.addBatch();
          if (i % 2 == 0) {
            item.setObject(1, users.get(i));
            item.setLong(2, TICKET);
            item.addBatch();
          }
        }
        cartRow.executeBatch();
        item.executeBatch();
      }
      c.commit();
    }
  }

  /** Our users' orders as orders committed them: id → (user, status). */
  static Map<Long, Map.Entry<UUID, String>> committedOrders(Postgres.Database db, List<UUID> users)
      throws Exception {
    Map<Long, Map.Entry<UUID, String>> orders = new HashMap<>();
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
        PreparedStatement st =
            c.prepareStatement("select id, user_id, status from orders where user_id = any(?)")) {
      Array ids = c.createArrayOf("uuid", users.toArray());
      st.setArray(1, ids);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          orders.put(rs.getLong(1), Map.entry(rs.getObject(2, UUID.class), rs.getString(3)));
        }
      }
    }
    return orders;
  }

  /** Our users' notifications by order, in the order they were recorded, once they are all in. */
  static Map<Long, List<String>> awaitNotifications(
      Postgres.Database db, List<UUID> users, Map<Long, Map.Entry<UUID, String>> committed)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Map<Long, List<String>> byOrder;
    do {
      byOrder = new HashMap<>();
      try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
          PreparedStatement st =
              c.prepareStatement(
                  "select order_id, status from notifications where user_id = any(?) order by id")) {
        st.setArray(1, c.createArrayOf("uuid", users.toArray()));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            byOrder.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
          }
        }
      }
      long count = byOrder.values().stream().mapToLong(List::size).sum();
      if (count >= 2L * committed.size()) {
        Thread.sleep(1_000); // a moment for anything extra (which would be a bug) to show
        return byOrder;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return byOrder;
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Sells the rental and the premiere ticket. */
  static final class Catalog extends CatalogServiceGrpc.CatalogServiceImplBase {
    @Override
    public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> answer) {
      OfferKind kind =
          request.getSku() == RENT
              ? OfferKind.OFFER_KIND_RENT_48H
              : request.getSku() == TICKET ? OfferKind.OFFER_KIND_TICKET : null;
      if (kind == null) {
        answer.onError(Status.NOT_FOUND.asRuntimeException());
        return;
      }
      answer.onNext(GetProductResponse.newBuilder().setSku(request.getSku()).setKind(kind).build());
      answer.onCompleted();
    }
  }
}
