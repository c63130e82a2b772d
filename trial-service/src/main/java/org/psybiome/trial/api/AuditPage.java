package org.psybiome.trial.api;

import java.util.List;

public record AuditPage(List<AuditEntryView> items, String nextPageToken) {}
