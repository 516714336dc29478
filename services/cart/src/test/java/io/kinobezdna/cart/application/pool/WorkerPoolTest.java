package io.kinobezdna.cart.application.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  private final WorkerPool pool = new WorkerPool(4, UnaryOperator.identity());

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Test
  void resultsComeInInputOrderWhateverOrderTheyFinishIn() {
    List<Integer> inputs = IntStream.range(0, 20).boxed().toList();
    List<Integer> results =
        pool.map(
            inputs,
            i -> {
              sleep((20 - i) * 3L); // later inputs finish first
              return i * i;
            },
            Cancellation.NONE);
    assertThat(results).containsExactlyElementsOf(inputs.stream().map(i -> i * i).toList());
  }

  @Test
  void neverMoreThanTheWorkerCountRunAtOnce() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    pool.map(
        IntStream.range(0, 30).boxed().toList(),
        i -> {
          peak.accumulateAndGet(running.incrementAndGet(), Math::max);
          sleep(10);
          running.decrementAndGet();
          return i;
        },
        Cancellation.NONE);
    assertThat(peak.get()).isEqualTo(4);
  }

  @Test
  void workersRunConcurrentlySoTheTimeIsAboutTheSlowestRound() {
    long start = System.nanoTime();
    pool.map(
        IntStream.range(0, 8).boxed().toList(),
        i -> {
          sleep(200);
          return i;
        },
        Cancellation.NONE);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(millis).isBetween(390L, 1_200L); // 2 rounds of 4, not 8 × 200 ms
  }

  @Test
  void theFirstErrorCancelsTheRestAndIsThrown() {
    AtomicInteger started = new AtomicInteger();
    AtomicInteger interrupted = new AtomicInteger();
    IllegalStateException boom = new IllegalStateException("catalog is down");
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                pool.map(
                    IntStream.range(0, 100).boxed().toList(),
                    i -> {
                      started.incrementAndGet();
                      if (i == 2) {
                        throw boom;
                      }
                      try {
                        Thread.sleep(5_000);
                      } catch (InterruptedException e) {
                        interrupted.incrementAndGet();
                        throw new IllegalStateException("stopped", e);
                      }
                      return i;
                    },
                    Cancellation.NONE))
        .isSameAs(boom);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
    assertThat(started.get()).isLessThanOrEqualTo(4 + 1);
    assertThat(interrupted.get()).isEqualTo(started.get() - 1);
  }

  @Test
  void theCallersCancellationStopsTheJob() {
    CountDownLatch working = new CountDownLatch(4);
    AtomicReference<Runnable> onCancel = new AtomicReference<>();
    AtomicBoolean cancelled = new AtomicBoolean();
    Cancellation cancellation =
        new Cancellation() {
          @Override
          public boolean isCancelled() {
            return cancelled.get();
          }

          @Override
          public Registration onCancel(Runnable action) {
            onCancel.set(action);
            return () -> onCancel.set(null);
          }
        };
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                working.await();
              } catch (InterruptedException e) {
                return;
              }
              cancelled.set(true);
              onCancel.get().run();
            });
    assertThatThrownBy(
            () ->
                pool.map(
                    IntStream.range(0, 50).boxed().toList(),
                    i -> {
                      working.countDown();
                      sleep(5_000);
                      return i;
                    },
                    cancellation))
        .isInstanceOf(CancellationException.class);
    assertThat(onCancel.get()).as("the registration is removed when map returns").isNull();
  }

  @Test
  void theCallersContextWrapsEveryWorker() {
    ThreadLocal<String> request = new ThreadLocal<>();
    WorkerPool carrying =
        new WorkerPool(
            3,
            body -> {
              String captured = "request-7";
              return () -> {
                request.set(captured);
                try {
                  body.run();
                } finally {
                  request.remove();
                }
              };
            });
    assertThat(carrying.map(List.of(1, 2, 3, 4), i -> request.get(), Cancellation.NONE))
        .containsOnly("request-7");
    assertThat(carrying.workers()).isEqualTo(3);
  }

  @Test
  void anErrorInAWorkerIsThrownNotLostAsAnEmptySlot() {
    StackOverflowError overflow = new StackOverflowError("too deep");
    assertThatThrownBy(
            () ->
                pool.map(
                    List.of(1, 2, 3),
                    i -> {
                      if (i == 2) {
                        throw overflow;
                      }
                      return i;
                    },
                    Cancellation.NONE))
        .isSameAs(overflow);
  }

  @Test
  void emptyInputsAndNullResultsAreFine() {
    assertThat(pool.map(List.of(), i -> i, Cancellation.NONE)).isEmpty();
    assertThat(pool.map(List.of(1, 2), i -> i == 1 ? null : i, Cancellation.NONE))
        .containsExactly(null, 2);
    assertThatThrownBy(() -> new WorkerPool(0, UnaryOperator.identity()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
