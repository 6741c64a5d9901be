import Foundation
import RapportText

/// The front door to stored records: every write is validated against the domain rules, dated by the injected
/// clock, and only then handed to the store. The API, the CLI and importers all write through here.
public struct FirmRecords: Sendable {
    public let store: any RapportStore
    public let now: @Sendable () -> Date
    /// The zone in which "today" is read for date rules.
    public let timeZone: TimeZone
    /// Told about each write once it is stored, such as the match index, so matching sees it at once.
    public private(set) var observers: [any RecordObserver] = []

    public init(store: any RapportStore, timeZone: TimeZone = TimeZone(identifier: "UTC")!, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
        self.timeZone = timeZone
    }

    /// The same records, also telling `observer` about every write.
    public func observed(by observer: any RecordObserver) -> FirmRecords {
        var copy = self
        copy.observers.append(observer)
        return copy
    }

    private func notify(_ change: RecordChange) async {
        for observer in observers {
            await observer.recordChanged(change)
        }
    }

    public var today: LocalDate { LocalDate(now(), in: timeZone) }

    /// Stores a new candidate. One given without a home practice gets the practice their skills weigh towards, and one
    /// without an owner gets the active member of that practice with the fewest people in their care.
    ///
    /// With `refusingLikelyDuplicates`, a person who looks like someone already held (`IdentityKeys`) is refused with
    /// `RapportError.likelyDuplicate` naming them, so that a person decides: the API and the web app ask; replies
    /// from strangers and imports, which report likely duplicates instead, do not.
    public func createCandidate(_ given: CandidateProfile, refusingLikelyDuplicates: Bool = false) async throws -> Candidate {
        let profile = given.canonical
        try profile.validate(today: today)
        if refusingLikelyDuplicates {
            let found = try await store.likelyDuplicates(keys: IdentityKeys.keys(for: profile), excluding: nil)
            if !found.isEmpty { throw RapportError.likelyDuplicate(found) }
        }
        let candidate = try await store.createCandidate(try await routed(profile), at: now())
        await notify(.candidateSaved(candidate))
        return candidate
    }

    /// Makes two records of one person one, as a person chose on comparing them (`CandidateMerge`); the match index
    /// forgets the absorbed record and learns the merged one.
    public func mergeCandidates(_ merge: CandidateMerge, by user: UserID?) async throws -> Candidate {
        try merge.validate()
        let profile = merge.profile.canonical
        try profile.validate(today: today)
        let candidate = try await store.mergeCandidates(merge, profile: profile, by: user, at: now())
        await notify(.candidateDeleted(merge.absorbed.id))
        await notify(.candidateSaved(candidate))
        return candidate
    }

    /// A change in canonical form, checked as `createCandidate` and `updateCandidate` check it.
    static func checked(_ change: CandidateChange, today: LocalDate) -> Result<CandidateChange, RapportError> {
        do throws(RapportError) {
            switch change {
            case .create(let profile):
                let profile = profile.canonical
                try profile.validate(today: today)
                return .success(.create(profile))
            case .update(let id, let version, let profile):
                let profile = profile.canonical
                try profile.validate(today: today)
                if profile.source.referrerID == id {
                    throw RapportError.invalid(field: "source.referrerID", "must not be the candidate themself")
                }
                return .success(.update(id, expectedVersion: version, profile))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Imports people in batches written into one transaction that stays open until `body` returns (then all of
    /// it is committed) or throws (then none of it is). Each change is checked as `createCandidate` and
    /// `updateCandidate` check it, new people are routed to a practice and owner with the load spread as they are
    /// added, and `body` looks people up through the same transaction. The observers hear of everyone stored once it
    /// is committed.
    public func importCandidates<T: Sendable>(provenance: ImportProvenance, _ body: @escaping @Sendable (CandidateImport) async throws -> T)
        async throws -> T {
        // Read before the transaction opens: inside it, the store is reached through the session alone.
        let router = try await router()
        let (today, observing) = (today, !observers.isEmpty)
        let (result, stored) = try await store.importingCandidates(provenance: provenance, at: now()) { session in
            let batches = CandidateImport(session: session, router: router, today: today, keepingStored: observing)
            let result = try await body(batches)
            return (result, await batches.stored)
        }
        for candidate in stored { await notify(.candidateSaved(candidate)) }
        return result
    }

    /// Stores a changed candidate. With `refusingLikelyDuplicates`, a change that makes them look like someone else
    /// held (a phone number, or a name and profile link, they did not have before) is refused with
    /// `RapportError.likelyDuplicate` naming them; a resemblance the record already had, which a person accepted when
    /// it was created, is not asked about again.
    public func updateCandidate(_ id: CandidateID, expectedVersion: Int, _ given: CandidateProfile, refusingLikelyDuplicates: Bool = false)
        async throws -> Candidate {
        let profile = given.canonical
        try profile.validate(today: today)
        if profile.source.referrerID == id {
            throw RapportError.invalid(field: "source.referrerID", "must not be the candidate themself")
        }
        if refusingLikelyDuplicates {
            let current = try await store.candidate(id)
            // A stale change is refused as stale first: the resemblance may be one the newer version already has.
            guard current.version == expectedVersion else {
                throw RapportError.staleVersion(entity: "candidate", id: "\(id)", expected: expectedVersion, actual: current.version)
            }
            let held = Set(IdentityKeys.keys(for: current.profile))
            let gained = IdentityKeys.keys(for: profile).filter { !held.contains($0) }
            if !gained.isEmpty {
                let found = try await store.likelyDuplicates(keys: gained, excluding: id)
                if !found.isEmpty { throw RapportError.likelyDuplicate(found) }
            }
        }
        let candidate = try await store.updateCandidate(id, expectedVersion: expectedVersion, profile, at: now())
        await notify(.candidateSaved(candidate))
        return candidate
    }

    /// Stores a new job; one given without a practice is routed to the practice of its required skills.
    public func createJob(_ details: JobDetails) async throws -> Job {
        try details.validate(today: today)
        var details = details
        if details.practiceID == nil {
            details.practiceID = PracticeRouting().practice(for: details.requiredSkills, practiceOf: try await practiceOfSkills())?.practiceID
        }
        let job = try await store.createJob(details, at: now())
        await notify(.jobSaved(job))
        return job
    }

    /// Stores many new and changed jobs in one transaction, each checked as `createJob` and `updateJob` check it, with
    /// the clients new to the firm they name; a job given without a practice is routed to its skills' practice. All
    /// or none. The jobs importer writes through here.
    public func applyJobChanges(_ given: [JobChange], provenance: ImportProvenance? = nil) async throws -> [Job] {
        let today = today
        for change in given {
            try change.details.validate(today: today)
            try change.newClient?.validate()
        }
        var changes = given
        if changes.contains(where: { $0.details.practiceID == nil }) {
            let practiceOf = try await practiceOfSkills()
            for index in changes.indices where changes[index].details.practiceID == nil {
                changes[index].details.practiceID = PracticeRouting().practice(for: changes[index].details.requiredSkills,
                                                                                practiceOf: practiceOf)?.practiceID
            }
        }
        let stored = try await store.applyJobChanges(changes, provenance: provenance, at: now())
        var clients: Set<ClientID> = []
        for (change, job) in zip(changes, stored) {
            if change.newClient != nil, clients.insert(job.details.clientID).inserted {
                await notify(.clientSaved(try await store.client(job.details.clientID)))
            }
            await notify(.jobSaved(job))
        }
        return stored
    }

    /// Erases a candidate at their request; see `CandidateStore.eraseCandidate`.
    public func eraseCandidate(_ id: CandidateID) async throws {
        try await store.eraseCandidate(id, at: now())
        await notify(.candidateDeleted(id))
    }

    public func updateJob(_ id: JobID, expectedVersion: Int, _ details: JobDetails) async throws -> Job {
        try details.validate(today: today)
        let job = try await store.updateJob(id, expectedVersion: expectedVersion, details, at: now())
        await notify(.jobSaved(job))
        return job
    }

    public func createClient(_ details: ClientDetails) async throws -> Client {
        try details.validate()
        let client = try await store.createClient(details)
        await notify(.clientSaved(client))
        return client
    }

    public func updateClient(_ id: ClientID, expectedVersion: Int, _ details: ClientDetails) async throws -> Client {
        try details.validate()
        let client = try await store.updateClient(id, expectedVersion: expectedVersion, details)
        await notify(.clientSaved(client))
        return client
    }

    public func deleteCandidate(_ id: CandidateID) async throws {
        try await store.deleteCandidate(id)
        await notify(.candidateDeleted(id))
    }

    public func deleteJob(_ id: JobID) async throws {
        try await store.deleteJob(id)
        await notify(.jobDeleted(id))
    }

    public func createPractice(_ details: PracticeDetails) async throws -> Practice {
        try details.validate()
        return try await store.createPractice(details)
    }

    public func updatePractice(_ id: PracticeID, expectedVersion: Int, _ details: PracticeDetails) async throws -> Practice {
        try details.validate()
        return try await store.updatePractice(id, expectedVersion: expectedVersion, details)
    }

    public func createUser(_ given: UserDetails) async throws -> User {
        var details = given
        details.email = EmailAddress.canonical(details.email)
        try details.validate()
        return try await store.createUser(details)
    }

    /// Stores a changed user. An admin acting on their own account (`by`) may not deactivate it or give up the admin
    /// role: the firm would be left without anyone able to undo it. Another admin may.
    public func updateUser(_ id: UserID, expectedVersion: Int, _ given: UserDetails, by acting: UserID? = nil) async throws -> User {
        var details = given
        details.email = EmailAddress.canonical(details.email)
        try details.validate()
        if acting == id && (!details.active || details.role != .admin) {
            throw RapportError.inUse(entity: "user", message: "you cannot deactivate your own user or give up your own admin role; another admin can")
        }
        return try await store.updateUser(id, expectedVersion: expectedVersion, details)
    }

    /// Adds a skill to the taxonomy; names and aliases are trimmed, and an alias may not repeat the name.
    public func createSkill(_ draft: SkillDraft) async throws -> Skill {
        var draft = draft
        draft.name = draft.name.trimmedSpaces
        draft.aliases = draft.aliases.map { $0.trimmedSpaces }
        var validator = Validator()
        validator.text("name", draft.name, maxLength: 100)
        Self.checkAliases(draft.aliases, name: draft.name, &validator)
        validator.text("category", draft.category, maxLength: 50)
        Self.checkRelations(draft.implies, draft.related, &validator)
        try validator.check()
        let skill = try await store.createSkill(draft)
        await notify(.taxonomyChanged)
        return skill
    }

    /// Adds aliases and relations to a skill; with nothing to add, the skill is answered as it is.
    public func extendSkill(_ id: SkillID, aliases: [String], implies: [SkillID], related: [SkillID]) async throws -> Skill {
        let aliases = aliases.map { $0.trimmedSpaces }
        var validator = Validator()
        Self.checkAliases(aliases, name: nil, &validator)
        Self.checkRelations(implies, related, &validator)
        try validator.check()
        if aliases.isEmpty && implies.isEmpty && related.isEmpty { return try await store.skill(id) }
        let skill = try await store.extendSkill(id, aliases: aliases, implies: implies, related: related)
        await notify(.taxonomyChanged)
        return skill
    }

    private static func checkAliases(_ aliases: [String], name: String?, _ validator: inout Validator) {
        validator.list("aliases", aliases, maxCount: 30, maxLength: 100)
        for (index, alias) in aliases.enumerated() where alias.lowercased() == name?.lowercased() {
            validator.fail("aliases[\(index)]", "repeats the skill's name")
        }
        if Set(aliases.map { $0.lowercased() }).count != aliases.count { validator.fail("aliases", "must not repeat an alias") }
    }

    private static func checkRelations(_ implies: [SkillID], _ related: [SkillID], _ validator: inout Validator) {
        for (field, ids) in [("implies", implies), ("related", related)] {
            if ids.count > 30 { validator.fail(field, "must list at most 30 skills") }
            if Set(ids).count != ids.count { validator.fail(field, "must not repeat a skill") }
        }
    }
}

/// A stored change that something outside the store needs to follow.
public enum RecordChange: Sendable {
    case candidateSaved(Candidate)
    case candidateDeleted(CandidateID)
    case jobSaved(Job)
    case jobDeleted(JobID)
    case clientSaved(Client)
    case taxonomyChanged
}

/// Follows stored changes, right after each commits; the match index is one.
public protocol RecordObserver: Sendable {
    func recordChanged(_ change: RecordChange) async
}

extension FirmRecords {
    // MARK: Routing

    /// The profile with its home practice and owner filled in where they were left out.
    func routed(_ profile: CandidateProfile) async throws -> CandidateProfile {
        guard Self.needsRouting(profile) else { return profile }
        var router = try await router()
        return router.route(profile)
    }

    static func needsRouting(_ profile: CandidateProfile) -> Bool {
        profile.homePracticeID == nil || profile.ownerID == nil
    }

    private func router() async throws -> CandidateRouter {
        CandidateRouter(practiceOf: try await practiceOfSkills(), staff: try await allUsers(), load: try await store.ownerLoads(),
                        currentYear: today.year)
    }

    private func practiceOfSkills() async throws -> [SkillID: PracticeID] {
        var practiceOf: [SkillID: PracticeID] = [:]
        for skill in try await store.allSkills() {
            if let practiceID = skill.practiceID { practiceOf[skill.id] = practiceID }
        }
        return practiceOf
    }

    /// Every user, page by page.
    public func allUsers() async throws -> [User] {
        try await Self.all { try await store.users(page: $0) }
    }

    /// Every practice, page by page.
    public func allPractices() async throws -> [Practice] {
        try await Self.all { try await store.practices(page: $0) }
    }

    private static func all<Item: Sendable>(_ fetch: (PageRequest) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var after: Int64?
        repeat {
            let page = try await fetch(PageRequest(limit: PageRequest.maximumLimit, after: after))
            items += page.items
            after = page.nextAfter
        } while after != nil
        return items
    }
}

/// Gives new people the practice their skills weigh towards and the member of it with the fewest people in their
/// care, counting each person it places, so a batch is spread as single adds would be.
struct CandidateRouter: Sendable {
    let practiceOf: [SkillID: PracticeID]
    let staff: [User]
    var load: [UserID: Int]
    let currentYear: Int

    mutating func route(_ given: CandidateProfile) -> CandidateProfile {
        var profile = given
        let routing = PracticeRouting()
        if profile.homePracticeID == nil {
            profile.homePracticeID = routing.homePractice(for: profile.skills, practiceOf: practiceOf, currentYear: currentYear)?.practiceID
        }
        if profile.ownerID == nil, let practiceID = profile.homePracticeID {
            profile.ownerID = routing.owner(in: practiceID, staff: staff, load: load)
            if let owner = profile.ownerID { load[owner, default: 0] += 1 }
        }
        return profile
    }
}

extension CandidateProfile {
    /// The profile with its e-mail address in the stored form (trimmed, NFC), so two spellings of one address are one.
    var canonical: CandidateProfile {
        var profile = self
        profile.email = EmailAddress.canonical(email)
        return profile
    }
}
