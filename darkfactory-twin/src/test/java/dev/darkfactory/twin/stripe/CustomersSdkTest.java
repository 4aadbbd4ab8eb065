package dev.darkfactory.twin.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.StripeCollection;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Customers through stripe-java: create, retrieve, update, delete, list and paginate. */
class CustomersSdkTest extends StripeSdkTest {

  @Test
  void createRetrieveUpdate() throws Exception {
    Customer created = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com").setName("Ada")
        .putMetadata("tier", "gold").putMetadata("source", "test").build());

    assertThat(created.getId()).matches("cus_[0-9A-Za-z]{14}");
    assertThat(created.getObject()).isEqualTo("customer");
    assertThat(created.getLivemode()).isFalse();
    Customer updated = stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder().setName("Ada Lovelace")
        .putMetadata("source", "").putMetadata("plan", "pro").build());
    assertThat(updated.getName()).isEqualTo("Ada Lovelace");
    assertThat(updated.getEmail()).isEqualTo("ada@example.com");
    assertThat(updated.getMetadata()).containsEntry("tier", "gold").containsEntry("plan", "pro").doesNotContainKey("source");
    assertThat(stripe.v1().customers().retrieve(created.getId()).getName()).isEqualTo("Ada Lovelace");
  }

  @Test
  void aDeletedCustomerIsRetrievedAsItsStubAndCannotBeUpdated() throws Exception {
    Customer created = stripe.v1().customers().create(CustomerCreateParams.builder().build());

    Customer deleted = stripe.v1().customers().delete(created.getId());

    assertThat(deleted.getDeleted()).isTrue();
    assertThat(stripe.v1().customers().retrieve(created.getId()).getDeleted()).isTrue();
    assertThatThrownBy(() -> stripe.v1().customers().update(created.getId(), CustomerUpdateParams.builder().setName("x").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getCode()).isEqualTo("resource_missing");
          assertThat(e.getStripeError().getParam()).isEqualTo("id");
        });
  }

  @Test
  void anUnknownCustomerIsStripes404() {
    assertThatThrownBy(() -> stripe.v1().customers().retrieve("cus_nope"))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStatusCode()).isEqualTo(404);
          assertThat(e.getStripeError().getMessage()).isEqualTo("No such customer: 'cus_nope'");
          assertThat(e.getRequestId()).startsWith("req_");
        });
  }

  @Test
  void autoPagingWalksEveryPageNewestFirst() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("c" + i + "@example.com").build()).getId());
    }

    StripeCollection<Customer> first = stripe.v1().customers().list(CustomerListParams.builder().setLimit(10L).build());
    List<String> walked = new ArrayList<>();
    first.autoPagingIterable().forEach(customer -> walked.add(customer.getId()));

    assertThat(first.getData()).hasSize(10);
    assertThat(first.getHasMore()).isTrue();
    assertThat(first.getUrl()).isEqualTo("/v1/customers");
    assertThat(first.getObject()).isEqualTo("list");
    assertThat(walked).isEqualTo(ids.reversed());
  }

  @Test
  void endingBeforeGivesThePagePrecedingTheCursor() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ids.add(stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId());
    }
    List<String> newestFirst = ids.reversed();

    StripeCollection<Customer> page = stripe.v1().customers().list(CustomerListParams.builder().setLimit(2L)
        .setEndingBefore(newestFirst.get(4)).build());

    assertThat(page.getData()).extracting(Customer::getId).containsExactly(newestFirst.get(2), newestFirst.get(3));
    assertThat(page.getHasMore()).isTrue();
    StripeCollection<Customer> after = stripe.v1().customers().list(CustomerListParams.builder().setLimit(3L)
        .setStartingAfter(newestFirst.get(3)).build());
    assertThat(after.getData()).extracting(Customer::getId).containsExactly(newestFirst.get(4), newestFirst.get(5));
    assertThat(after.getHasMore()).isFalse();
  }

  @Test
  void listsAreNewestFirstByCreatedEvenWhenTheClockWentBack() throws Exception {
    twin.control().setClock(java.time.Instant.parse("2026-01-02T00:00:00Z"));
    String newer = stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    twin.control().setClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
    String older = stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();
    String olderToo = stripe.v1().customers().create(CustomerCreateParams.builder().build()).getId();

    assertThat(stripe.v1().customers().list().getData()).extracting(Customer::getId).containsExactly(newer, olderToo, older);
    assertThat(stripe.v1().customers().list(CustomerListParams.builder().setStartingAfter(newer).setLimit(1L).build()).getData())
        .extracting(Customer::getId).containsExactly(olderToo);
  }

  @Test
  void listsFilterByEmail() throws Exception {
    stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("a@example.com").build());
    stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("b@example.com").build());

    StripeCollection<Customer> found = stripe.v1().customers().list(CustomerListParams.builder().setEmail("b@example.com").build());

    assertThat(found.getData()).extracting(Customer::getEmail).containsExactly("b@example.com");
  }

  @Test
  void aBadLimitOrCursorIsStripesInvalidRequest() {
    assertThatThrownBy(() -> stripe.v1().customers().list(CustomerListParams.builder().setLimit(101L).build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.getStripeError().getParam()).isEqualTo("limit");
          assertThat(e.getStripeError().getMessage()).isEqualTo("This value must be less than or equal to 100.");
        });
    assertThatThrownBy(() -> stripe.v1().customers().list(CustomerListParams.builder().setStartingAfter("cus_gone").build()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getCode()).isEqualTo("resource_missing"));
  }
}
