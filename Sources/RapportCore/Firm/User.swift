/// What a staff member may do.
public enum Role: String, CaseIterable, Codable, Sendable {
    case recruiter
    case practiceLead = "practice_lead"
    case admin
}

/// A member of staff: a recruiter, practice lead or admin, working in one region and one or more practices.
public struct User: Equatable, Sendable, Identifiable {
    public var id: UserID
    public var version: Int
    public var details: UserDetails

    public init(id: UserID, version: Int, details: UserDetails) {
        self.id = id
        self.version = version
        self.details = details
    }
}

/// The editable part of a user.
public struct UserDetails: Equatable, Sendable {
    public var email: String
    public var name: String
    public var role: Role
    public var region: Region
    public var practiceIDs: [PracticeID]
    public var active: Bool

    public init(email: String, name: String, role: Role, region: Region, practiceIDs: [PracticeID] = [], active: Bool = true) {
        self.email = email
        self.name = name
        self.role = role
        self.region = region
        self.practiceIDs = practiceIDs
        self.active = active
    }

    public func validate() throws(RapportError) {
        var validator = Validator()
        validator.email("email", email)
        validator.text("name", name, maxLength: 200)
        if practiceIDs.count > 20 { validator.fail("practiceIDs", "must have at most 20 entries") }
        if Set(practiceIDs).count != practiceIDs.count { validator.fail("practiceIDs", "must not repeat a practice") }
        if role == .practiceLead && practiceIDs.isEmpty {
            validator.fail("practiceIDs", "a practice lead must belong to at least one practice")
        }
        try validator.check()
    }
}
