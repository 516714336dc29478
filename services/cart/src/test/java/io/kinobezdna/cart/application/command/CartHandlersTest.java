package io.kinobezdna.cart.application.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kinobezdna.cart.application.Caller;
import io.kinobezdna.cart.application.pool.Cancellation;
import io.kinobezdna.cart.application.pool.WorkerPool;
import io.kinobezdna.cart.application.port.CartRepository;
import io.kinobezdna.cart.application.port.Orders;
import io.kinobezdna.cart.application.port.ProductCatalog;
import io.kinobezdna.cart.application.query.ListCart;
import io.kinobezdna.cart.application.query.ListCartHandler;
import io.kinobezdna.cart.domain.Cart;
import io.kinobezdna.cart.domain.CartLine;
import io.kinobezdna.cart.domain.PricedCart;
import io.kinobezdna.cart.domain.Product;
import io.kinobezdna.platform.errors.ErrorKind;
import io.kinobezdna.platform.errors.PlatformError;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The cart use cases with every port mocked. */
class CartHandlersTest {

  private final UUID user = UUID.randomUUID();
  private final Caller caller = new Caller(user, false);
  private final CartRepository carts = mock(CartRepository.class);
  private final ProductCatalog catalog = mock(ProductCatalog.class);
  private final Orders orders = mock(Orders.class);
  private final AddItemHandler addItem = new AddItemHandler(carts, catalog, orders);
  private final RemoveItemHandler removeItem = new RemoveItemHandler(carts);
  private final ClearCartHandler clearCart = new ClearCartHandler(carts);
  private final Product rent =
      new Product(11, "Metropolis — rent for 48 h", 34_900, "RUB", "film-1");

  private static PlatformError failure(Runnable call) {
    try {
      call.run();
    } catch (PlatformError e) {
      return e;
    }
    throw new AssertionError("expected a PlatformError");
  }

  @Test
  void anItemIsAddedWhenCatalogSellsItAndOrdersHasEnough() {
    when(catalog.product(11)).thenReturn(Optional.of(rent));
    when(carts.find(user)).thenReturn(new Cart(user, List.of(new CartLine(11, 2)), 4));
    when(orders.available(11)).thenReturn(3L);
    addItem.handle(new AddItem(caller, user, 11, 1));
    verify(carts).add(user, 11, 1);
    // what the cart holds counts: 2 + 2 is more than 3
    assertThat(failure(() -> addItem.handle(new AddItem(caller, user, 11, 2))).reason())
        .isEqualTo("INSUFFICIENT_STOCK");
    when(catalog.product(12)).thenReturn(Optional.empty());
    assertThat(failure(() -> addItem.handle(new AddItem(caller, user, 12, 1))).reason())
        .isEqualTo("UNKNOWN_SKU");
  }

  @Test
  void onlyTheOwnerOrAnAdminTouchesACart() {
    Caller stranger = new Caller(UUID.randomUUID(), false);
    assertThat(failure(() -> addItem.handle(new AddItem(stranger, user, 11, 1))).kind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(failure(() -> removeItem.handle(new RemoveItem(stranger, user, 11))).kind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    assertThat(failure(() -> clearCart.handle(new ClearCart(stranger, user))).kind())
        .isEqualTo(ErrorKind.PERMISSION_DENIED);
    verify(carts, never()).remove(user, 11);
    clearCart.handle(new ClearCart(new Caller(UUID.randomUUID(), true), user));
    verify(carts).clear(user);
    removeItem.handle(new RemoveItem(caller, user, 11));
    verify(carts).remove(user, 11);
  }

  @Test
  void checkoutOrdersTheCartUnderItsVersionThenEmptiesThatVersion() {
    when(carts.find(user)).thenReturn(new Cart(user, List.of(new CartLine(11, 1)), 7));
    when(orders.createOrder(user, List.of(new CartLine(11, 1)), "cart-v7")).thenReturn(99L);
    assertThat(new CheckoutHandler(carts, orders).handle(new Checkout(caller, user))).isEqualTo(99);
    verify(carts).clearIfAt(user, 7);
  }

  @Test
  void aRefusedCheckoutKeepsTheCartAndAnEmptyCartCannotBeCheckedOut() {
    when(carts.find(user)).thenReturn(new Cart(user, List.of(new CartLine(11, 1)), 7));
    when(orders.createOrder(user, List.of(new CartLine(11, 1)), "cart-v7"))
        .thenThrow(new PlatformError(ErrorKind.FAILED_PRECONDITION, "INSUFFICIENT_STOCK", "short"));
    CheckoutHandler checkout = new CheckoutHandler(carts, orders);
    assertThat(failure(() -> checkout.handle(new Checkout(caller, user))).reason())
        .isEqualTo("INSUFFICIENT_STOCK");
    verify(carts, never()).clearIfAt(user, 7);
    when(carts.find(user)).thenReturn(new Cart(user, List.of(), 8));
    assertThat(failure(() -> checkout.handle(new Checkout(caller, user))).kind())
        .isEqualTo(ErrorKind.NOT_FOUND);
  }

  @Test
  void theListPricesEveryLineAndKeepsWhatIsNoLongerSold() {
    when(carts.find(user))
        .thenReturn(new Cart(user, List.of(new CartLine(11, 2), new CartLine(13, 1)), 2));
    when(catalog.product(11)).thenReturn(Optional.of(rent));
    when(catalog.product(13)).thenReturn(Optional.empty());
    ListCartHandler list =
        new ListCartHandler(carts, catalog, new WorkerPool(4, UnaryOperator.identity()));
    PricedCart priced = list.handle(new ListCart(caller, user), Cancellation.NONE);
    assertThat(priced.totalMinorUnits()).isEqualTo(69_800);
    assertThat(priced.currency()).isEqualTo("RUB");
    assertThat(priced.lines()).extracting(PricedCart.PricedLine::sold).containsExactly(true, false);
    when(carts.find(user)).thenReturn(new Cart(user, List.of(), 3));
    assertThat(failure(() -> list.handle(new ListCart(caller, user), Cancellation.NONE)).reason())
        .isEqualTo("CART_EMPTY");
    when(catalog.product(anyLong())).thenReturn(Optional.of(rent));
    assertThatThrownBy(() -> PricedCart.of(List.of(new CartLine(1, 1)), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCartKnowsItsCountsAndCheckoutKey() {
    Cart cart = new Cart(user, List.of(new CartLine(11, 2)), 5);
    assertThat(cart.countOf(11)).isEqualTo(2);
    assertThat(cart.countOf(12)).isZero();
    assertThat(cart.line(11)).contains(new CartLine(11, 2));
    assertThat(cart.checkoutKey()).isEqualTo("cart-v5");
    assertThatThrownBy(() -> new CartLine(11, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
