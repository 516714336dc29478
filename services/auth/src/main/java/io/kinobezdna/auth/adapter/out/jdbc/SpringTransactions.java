package io.kinobezdna.auth.adapter.out.jdbc;

import io.kinobezdna.auth.application.port.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

public final class SpringTransactions implements Transactions {

  private final TransactionTemplate template;

  public SpringTransactions(TransactionTemplate template) {
    this.template = template;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return template.execute(status -> work.get());
  }
}
