/// A skill-set desk ("Java & JVM", "Cloud & DevOps"); recruiters belong to practices, not to clients.
public struct Practice: Equatable, Sendable, Identifiable {
    public var id: PracticeID
    public var version: Int
    public var details: PracticeDetails

    public init(id: PracticeID, version: Int, details: PracticeDetails) {
        self.id = id
        self.version = version
        self.details = details
    }
}

/// The editable part of a practice.
public struct PracticeDetails: Equatable, Sendable {
    public var name: String
    public var description: String
    /// The practice lead, who sees the scorecard and receives escalations.
    public var leadID: UserID?

    public init(name: String, description: String = "", leadID: UserID? = nil) {
        self.name = name
        self.description = description
        self.leadID = leadID
    }

    public func validate() throws(RapportError) {
        var validator = Validator()
        validator.text("name", name, maxLength: 100)
        validator.text("description", description, required: false, maxLength: 2_000)
        try validator.check()
    }
}
