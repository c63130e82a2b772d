package org.psybiome.trial.api;

import java.util.List;

/** One page of search results; {@code nextPageToken} is absent on the last page. */
public record TrialPage(List<TrialSummary> items, long total, String nextPageToken) {}
