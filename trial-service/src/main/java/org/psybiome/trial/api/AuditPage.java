package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of the audit trail; {@code nextPageToken} is absent on the last page. */
@Schema(requiredProperties = {"items"})
public record AuditPage(List<AuditEntryView> items, String nextPageToken) {}
