import Foundation

/// The front door to stored records: every write is validated against the domain rules, dated by the injected
/// clock, and only then handed to the store. The API, the CLI and importers all write through here.
public struct FirmRecords: Sendable {
    public let store: any RapportStore
    public let now: @Sendable () -> Date
    /// The zone in which "today" is read for date rules.
    public let timeZone: TimeZone

    public init(store: any RapportStore, timeZone: TimeZone = TimeZone(identifier: "UTC")!, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
        self.timeZone = timeZone
    }

    public var today: LocalDate { LocalDate(now(), in: timeZone) }

    public func createCandidate(_ profile: CandidateProfile) async throws -> Candidate {
        try profile.validate(today: today)
        return try await store.createCandidate(profile, at: now())
    }

    public func updateCandidate(_ id: CandidateID, expectedVersion: Int, _ profile: CandidateProfile) async throws -> Candidate {
        try profile.validate(today: today)
        if profile.source.referrerID == id {
            throw RapportError.invalid(field: "source.referrerID", "must not be the candidate themself")
        }
        return try await store.updateCandidate(id, expectedVersion: expectedVersion, profile, at: now())
    }

    public func createJob(_ details: JobDetails) async throws -> Job {
        try details.validate(today: today)
        return try await store.createJob(details, at: now())
    }

    public func updateJob(_ id: JobID, expectedVersion: Int, _ details: JobDetails) async throws -> Job {
        try details.validate(today: today)
        return try await store.updateJob(id, expectedVersion: expectedVersion, details, at: now())
    }

    public func createClient(_ details: ClientDetails) async throws -> Client {
        try details.validate()
        return try await store.createClient(details)
    }

    public func updateClient(_ id: ClientID, expectedVersion: Int, _ details: ClientDetails) async throws -> Client {
        try details.validate()
        return try await store.updateClient(id, expectedVersion: expectedVersion, details)
    }

    public func createPractice(_ details: PracticeDetails) async throws -> Practice {
        try details.validate()
        return try await store.createPractice(details)
    }

    public func updatePractice(_ id: PracticeID, expectedVersion: Int, _ details: PracticeDetails) async throws -> Practice {
        try details.validate()
        return try await store.updatePractice(id, expectedVersion: expectedVersion, details)
    }

    public func createUser(_ details: UserDetails) async throws -> User {
        try details.validate()
        return try await store.createUser(details)
    }

    public func updateUser(_ id: UserID, expectedVersion: Int, _ details: UserDetails) async throws -> User {
        try details.validate()
        return try await store.updateUser(id, expectedVersion: expectedVersion, details)
    }

    /// Adds a skill to the taxonomy; names and aliases are trimmed, and an alias may not repeat the name.
    public func createSkill(name: String, aliases: [String], category: String, practiceID: PracticeID?) async throws -> Skill {
        let name = name.trimmingCharacters(in: .whitespaces)
        let aliases = aliases.map { $0.trimmingCharacters(in: .whitespaces) }
        var validator = Validator()
        validator.text("name", name, maxLength: 100)
        validator.list("aliases", aliases, maxCount: 30, maxLength: 100)
        for (index, alias) in aliases.enumerated() where alias.lowercased() == name.lowercased() {
            validator.fail("aliases[\(index)]", "repeats the skill's name")
        }
        if Set(aliases.map { $0.lowercased() }).count != aliases.count { validator.fail("aliases", "must not repeat an alias") }
        validator.text("category", category, maxLength: 50)
        try validator.check()
        return try await store.createSkill(name: name, aliases: aliases, category: category, practiceID: practiceID)
    }
}
