/// The people held that a batch of imported records may be, read for many records at once: looking each record up
/// on its own cost three awaited reads a record, most of an import's time.
public struct HeldPeople: Sendable {
    /// By the address asked for, as `EmailAddress.normalized`: the person with it, or else the one a record with it
    /// was last merged into.
    public var byEmail: [String: Candidate] = [:]
    /// By the id asked for (`HeldPeople.key(of:)`).
    public var byExternalID: [String: Candidate] = [:]
    /// The notes and ids elsewhere each person found already has, so a file that comes back adds only what is new.
    public var notes: [CandidateID: [NoteDraft]] = [:]
    public var externalIDs: [CandidateID: [ExternalID]] = [:]

    public init() {}

    /// An id's key: its source without regard to case, and its value.
    public static func key(of id: ExternalID) -> String { id.source.lowercased() + "\u{0}" + id.value }

    public func candidate(email: String) -> Candidate? { byEmail[EmailAddress.normalized(email)] }

    public func candidate(externalID: ExternalID) -> Candidate? { byExternalID[Self.key(of: externalID)] }
}
