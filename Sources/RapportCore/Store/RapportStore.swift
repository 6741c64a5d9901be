import Foundation

/// Where candidates live. Each method is one transaction: it happens whole or not at all.
public protocol CandidateStore: ImportLookups {
    /// Stores a new candidate at version 1; the e-mail address must not belong to another candidate.
    func createCandidate(_ profile: CandidateProfile, at now: Date) async throws -> Candidate
    /// Throws `RapportError.notFound` for an unknown id.
    func candidate(_ id: CandidateID) async throws -> Candidate
    /// The candidate with this e-mail address, compared without regard to case; also the person a record with this
    /// address was merged into.
    func candidate(email: String) async throws -> Candidate?
    /// Replaces the profile when `expectedVersion` is the stored version, else throws `staleVersion` and changes nothing.
    func updateCandidate(_ id: CandidateID, expectedVersion: Int, _ profile: CandidateProfile, at now: Date) async throws -> Candidate
    func deleteCandidate(_ id: CandidateID) async throws
    /// Erases a person at their request: everything about them goes, except salted hashes of their e-mail address and
    /// phone, kept so that a later import of them is marked do-not-contact.
    func eraseCandidate(_ id: CandidateID, at now: Date) async throws
    /// Candidates matching every filter, in id order.
    func candidates(_ query: CandidateQuery, page: PageRequest) async throws -> Page<Candidate>
    /// The next `limit` candidates after `after` in id order, without counting the rest: for walking everyone
    /// (building the match index) without paying for a total on every batch.
    func candidates(after: CandidateID?, limit: Int) async throws -> [Candidate]
    /// How many candidates each user looks after, for balancing new people across a practice.
    func ownerLoads() async throws -> [UserID: Int]
    /// Applies every change in one transaction, with the same rules as `createCandidate` and `updateCandidate` (an
    /// erased person's contact points come back do-not-contact): all of them are stored, or, when one breaks a rule,
    /// none is and its error is thrown. With `provenance`, the run and each change's record in its file are kept in the
    /// same transaction.
    func applyCandidateChanges(_ changes: [CandidateChange], provenance: ImportProvenance?, at now: Date) async throws -> [Candidate]
    /// The imports that created or updated this person, oldest first.
    func importHistory(candidate id: CandidateID) async throws -> [ImportedRecord]
    /// The person's ids in other systems, by source.
    func externalIDs(candidate id: CandidateID) async throws -> [ExternalID]
    /// The notes an import brought about this person, oldest written first (undated ones by when they were stored).
    func notes(candidate id: CandidateID) async throws -> [CandidateNote]
    /// People held whose identity keys (`IdentityKeys`) match `keys`, other than `excluding`.
    func likelyDuplicates(keys: [String], excluding: CandidateID?) async throws -> [LikelyDuplicate]
    /// Runs `body` inside one write transaction kept open for a bulk import of people, which writes through the
    /// session batch after batch: everything it wrote is committed when `body` returns, nothing when it throws. The
    /// import's run (`provenance`, whose records and extras the batches give) is recorded in the same transaction.
    /// While it runs, other writes wait; `body` must reach the store only through the session.
    func importingCandidates<T: Sendable>(provenance: ImportProvenance, at now: Date,
                                          _ body: @escaping @Sendable (any CandidateImportSession) async throws -> T) async throws -> T
    /// Makes two records of one person one, in one transaction: everything held about the absorbed record (messages,
    /// replies, follow-ups, submissions, placements, surveys, files, imports, referrals) moves to the kept one, which
    /// takes `profile` (the merge's, checked); the absorbed record goes, and its id and the e-mail address not kept stay as an alias of
    /// the kept one. Throws `staleVersion` when either changed since they were compared, and `inUse` when both are in
    /// the pipeline for the same job.
    func mergeCandidates(_ merge: CandidateMerge, profile: CandidateProfile, by user: UserID?, at now: Date) async throws -> Candidate
    /// The person a record merged away now lives on, or nil for an id that was never merged.
    func mergedCandidate(_ id: CandidateID) async throws -> CandidateID?
}

/// What an import checks its records against, a batch at a time: the store's committed records, or an open
/// import's transaction, which also sees what the import wrote so far.
public protocol ImportLookups: Sendable {
    /// In one read, the people held with these e-mail addresses (or left them by a merge) and these ids elsewhere,
    /// with the notes and ids each has.
    func heldPeople(emails: [String], externalIDs: [ExternalID]) async throws -> HeldPeople
    /// In one read, everyone holding one of these identity keys.
    func keyHolders(_ keys: [String]) async throws -> [KeyHolder]
}

/// An open import transaction (`CandidateStore.importingCandidates`). Its lookups may or may not see what it wrote
/// so far (a store with concurrent readers answers from before the import, so that reading never waits for
/// writing), but never list the people it created in `keyHolders`: the file's own records, which the import tells
/// apart itself, are not likely duplicates of someone held.
public protocol CandidateImportSession: ImportLookups {
    /// Writes one batch with the rules of `applyCandidateChanges`, each change with its record in the file and what
    /// it brings besides the profile; answers the people stored, in order. A thrown error leaves the batch half
    /// written: the import must then end by throwing, which rolls back the whole transaction.
    func apply(_ changes: [CandidateChange], records: [Int], extras: [ImportedExtras]) async throws -> [Candidate]
}

/// One write of a bulk change to candidates.
public enum CandidateChange: Sendable, Equatable {
    case create(CandidateProfile)
    case update(CandidateID, expectedVersion: Int, CandidateProfile)

    public var profile: CandidateProfile {
        switch self {
        case .create(let profile), .update(_, _, let profile): profile
        }
    }
}

/// Where clients and their jobs live.
public protocol JobStore: Sendable {
    func createClient(_ details: ClientDetails) async throws -> Client
    func client(_ id: ClientID) async throws -> Client
    func updateClient(_ id: ClientID, expectedVersion: Int, _ details: ClientDetails) async throws -> Client
    /// Refuses with `inUse` while the client has jobs.
    func deleteClient(_ id: ClientID) async throws
    func clients(page: PageRequest) async throws -> Page<Client>

    func createJob(_ details: JobDetails, at now: Date) async throws -> Job
    func job(_ id: JobID) async throws -> Job
    func updateJob(_ id: JobID, expectedVersion: Int, _ details: JobDetails, at now: Date) async throws -> Job
    func deleteJob(_ id: JobID) async throws
    func jobs(_ query: JobQuery, page: PageRequest) async throws -> Page<Job>

    /// The client of that name, compared without regard to case, or nil.
    func client(name: String) async throws -> Client?
    /// Stores many new and changed jobs, and the clients new to the firm they name, in one transaction: all or none.
    /// A client new to the firm is created once however many changes name it, and its jobs get its id. With
    /// `provenance`, the import run is kept with each job, under the change's source reference.
    func applyJobChanges(_ changes: [JobChange], provenance: ImportProvenance?, at now: Date) async throws -> [Job]
    /// The job an earlier import stored under this source reference (a posting's identifier or address), or nil.
    func job(sourceReference: String) async throws -> Job?
    /// The imports that created or updated the job, oldest first.
    func importHistory(job id: JobID) async throws -> [ImportedRecord]
}

/// One write of a bulk change to jobs.
public struct JobChange: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case create
        case update(JobID, expectedVersion: Int)
    }

    public var kind: Kind
    public var details: JobDetails
    /// A client to create with the job, when the firm does not have one of that name yet; `details.clientID` is then
    /// replaced by the new client's id.
    public var newClient: ClientDetails?
    /// What the source calls the posting (its identifier or address), so that importing it again updates this job.
    public var sourceReference: String?

    public init(_ kind: Kind, _ details: JobDetails, newClient: ClientDetails? = nil, sourceReference: String? = nil) {
        self.kind = kind
        self.details = details
        self.newClient = newClient
        self.sourceReference = sourceReference
    }
}

/// Where the firm's own structure lives: practices, staff, the skill taxonomy and API tokens.
public protocol FirmStore: Sendable {
    func createPractice(_ details: PracticeDetails) async throws -> Practice
    func practice(_ id: PracticeID) async throws -> Practice
    func updatePractice(_ id: PracticeID, expectedVersion: Int, _ details: PracticeDetails) async throws -> Practice
    /// Refuses with `inUse` while the practice has members, jobs or candidates.
    func deletePractice(_ id: PracticeID) async throws
    func practices(page: PageRequest) async throws -> Page<Practice>

    func createUser(_ details: UserDetails) async throws -> User
    func user(_ id: UserID) async throws -> User
    func user(email: String) async throws -> User?
    func updateUser(_ id: UserID, expectedVersion: Int, _ details: UserDetails) async throws -> User
    /// Removes the user; candidates they owned keep no owner, practices they led keep no lead. Refuses with `inUse` once
    /// they have sent messages or own follow-ups: deactivate them instead.
    func deleteUser(_ id: UserID) async throws
    func users(page: PageRequest) async throws -> Page<User>

    /// Keeps only the token's hash, never the token.
    func saveAPIToken(hash: String, userID: UserID, label: String, at now: Date) async throws
    /// The active user a token hash belongs to, if any.
    func user(apiTokenHash: String) async throws -> User?
}

/// Everything Rapport stores; SQLite and PostgreSQL both implement it and both pass the store contract tests.
public protocol RapportStore: CandidateStore, JobStore, FirmStore, TaxonomyStore, OutreachStore, SurveyStore, TouchStore, PipelineStore, InsightStore,
    AccountStore, AttachmentStore, PendingImportStore {
    /// True when the database answers a trivial query.
    func isReachable() async -> Bool
}
