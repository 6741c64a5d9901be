/// What a store or rule reports when a request cannot be carried out; the web layer maps each case to HTTP once.
public enum RapportError: Error, Equatable, Sendable {
    /// No record of this kind has this id.
    case notFound(entity: String, id: String)
    /// The caller's copy is older than the stored one; nothing was changed.
    case staleVersion(entity: String, id: String, expected: Int, actual: Int)
    /// A unique value (an e-mail address, a name) is already taken.
    case duplicate(field: String, message: String)
    /// The record is still referred to and cannot be removed or changed that way.
    case inUse(entity: String, message: String)
    /// The input breaks a rule; every problem found is listed.
    case invalid([ValidationIssue])
    /// A new record looks like people already held (the same phone, or the same name and profile link); nothing was
    /// stored. The caller compares them, and creates it anyway only when a person says it is someone else.
    case likelyDuplicate([LikelyDuplicate])

    public static func invalid(field: String, _ message: String) -> RapportError {
        .invalid([ValidationIssue(field: field, message: message)])
    }
}

/// One rule an input broke: the field, by its path in the JSON document (`skills[2].level`), and what was expected.
public struct ValidationIssue: Equatable, Sendable {
    public var field: String
    public var message: String
    /// The field names a record that does not exist (a skill, a user, a message): the input is well formed, and
    /// what it points at is missing. The API answers such a request 409 `unknown_reference`, naming the field.
    public var missingRecord = false

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field` names a record that does not exist.
    public static func missing(_ field: String, _ message: String) -> ValidationIssue {
        var issue = ValidationIssue(field: field, message: message)
        issue.missingRecord = true
        return issue
    }
}
