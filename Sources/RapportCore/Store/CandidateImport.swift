/// A bulk import of people in progress (`FirmRecords.importCandidates`): each batch is put in canonical form, checked
/// as `FirmRecords.createCandidate` and `updateCandidate` check it, new people are routed to a practice and owner with
/// the load spread across batches, and the batch is written into the import's one open transaction.
public actor CandidateImport: ImportLookups {
    private let session: any CandidateImportSession
    private var router: CandidateRouter
    private let today: LocalDate
    private let keepingStored: Bool
    /// Everyone stored so far, for the observers once the import commits; kept only when someone observes.
    private(set) var stored: [Candidate] = []

    init(session: any CandidateImportSession, router: CandidateRouter, today: LocalDate, keepingStored: Bool) {
        self.session = session
        self.router = router
        self.today = today
        self.keepingStored = keepingStored
    }

    public func heldPeople(emails: [String], externalIDs: [ExternalID]) async throws -> HeldPeople {
        try await session.heldPeople(emails: emails, externalIDs: externalIDs)
    }

    public func keyHolders(_ keys: [String]) async throws -> [KeyHolder] {
        try await session.keyHolders(keys)
    }

    /// Writes one batch; `records` and `extras` go with `changes`, in order. A thrown error means the import must
    /// end by throwing.
    public func apply(_ given: [CandidateChange], records: [Int], extras: [ImportedExtras]) async throws -> [Candidate] {
        let today = today
        var changes = try await given.concurrentMap { FirmRecords.checked($0, today: today) }.map { try $0.get() }
        for (index, change) in changes.enumerated() {
            if case .create(let profile) = change, FirmRecords.needsRouting(profile) { changes[index] = .create(router.route(profile)) }
        }
        let written = try await session.apply(changes, records: records, extras: extras)
        if keepingStored { stored += written }
        return written
    }
}
