package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.Namespace;
import dev.darkfactory.twin.clock.IdGenerator;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One namespace's state, its ids, and the lock that makes its handlers run one at a time (a ReentrantLock, not
 * synchronized, so a virtual thread waiting for it does not pin its carrier).
 */
final class NamespaceSlot<S> {

  final Namespace namespace;
  final ReentrantLock lock = new ReentrantLock();
  S state;
  IdGenerator ids;
  long requests;

  NamespaceSlot(Namespace namespace, S state, IdGenerator ids) {
    this.namespace = namespace;
    this.state = state;
    this.ids = ids;
  }
}
