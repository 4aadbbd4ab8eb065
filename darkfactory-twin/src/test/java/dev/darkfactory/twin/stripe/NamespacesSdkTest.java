package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.param.CustomerCreateParams;
import dev.darkfactory.twin.Namespace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Each API key is its own Stripe account: parallel trajectories against one twin do not see each other. */
class NamespacesSdkTest extends StripeSdkTest {

  @Test
  void parallelKeysSeeOnlyTheirOwnObjects() throws Exception {
    int keys = 8;
    int perKey = 15;
    List<Callable<List<String>>> work = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      StripeClient client = client("sk_test_parallel_" + k);
      work.add(() -> {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < perKey; i++) {
          ids.add(client.v1().customers().create(CustomerCreateParams.builder().build()).getId());
        }
        return ids;
      });
    }
    List<List<String>> created = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Future<List<String>> future : pool.invokeAll(work)) {
        created.add(future.get());
      }
    }

    for (int k = 0; k < keys; k++) {
      List<String> listed = new ArrayList<>();
      client("sk_test_parallel_" + k).v1().customers().list().autoPagingIterable().forEach(c -> listed.add(c.getId()));
      assertThat(listed).containsExactlyInAnyOrderElementsOf(created.get(k));
    }
    assertThat(twin.control().namespaces()).hasSize(keys);
  }

  @Test
  void resettingOneKeyLeavesTheOthers() throws Exception {
    Customer alice = stripe.v1().customers().create(CustomerCreateParams.builder().build());
    StripeClient bob = client("sk_test_twin_bob");
    Customer bobs = bob.v1().customers().create(CustomerCreateParams.builder().build());

    twin.control().reset(Namespace.ofCredential(KEY));

    assertThat(stripe.v1().customers().list().getData()).isEmpty();
    assertThat(bob.v1().customers().retrieve(bobs.getId()).getId()).isEqualTo(bobs.getId());
    assertThat(alice.getId()).isNotEqualTo(bobs.getId());
  }
}
