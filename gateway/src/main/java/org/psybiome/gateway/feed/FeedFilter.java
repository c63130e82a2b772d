package org.psybiome.gateway.feed;

import java.util.Set;
import org.psybiome.gateway.edge.VerifiedCaller;

/** What one connection is sent: what its caller may see, narrowed by its trial and type filters. */
record FeedFilter(VerifiedCaller caller, Set<String> trials, Set<String> types) {

  FeedFilter {
    trials = Set.copyOf(trials);
    types = Set.copyOf(types);
  }

  boolean admits(FeedEvent event) {
    return event.audience().admits(caller, event.owner())
        && (trials.isEmpty() || trials.contains(event.trialId()))
        && (types.isEmpty() || types.contains(event.type()));
  }
}
