/**
 * The data of the events this service publishes, as the schemas in docs/events describe them:
 * records used for nothing else, so that the API and the storage can change without changing what
 * consumers receive. They depend on nothing of the service but its domain vocabulary ({@code
 * model}).
 */
package org.psybiome.trial.events;
