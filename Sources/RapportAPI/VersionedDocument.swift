/// A document the API reads and writes whole; `version` is what optimistic locking checks on PUT and PATCH.
public protocol VersionedDocument: Codable, Sendable {
    var version: Int? { get }
}
