package io.sectorsphere.common.location;

/**
 * The answer to a published {@link ReplicaUpdate}.
 *
 * @param owner the locator ({@code host:port}) that took the record
 * @param hops the ring nodes other than the asked one contacted to store it
 */
public record PublishReceipt(String name, String owner, int hops) {
}
