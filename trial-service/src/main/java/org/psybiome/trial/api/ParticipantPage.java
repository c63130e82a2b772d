package org.psybiome.trial.api;

import java.util.List;

public record ParticipantPage(List<ParticipantView> items, long total, String nextPageToken) {}
