import Foundation
import GRDB
import RapportCore

extension SQLiteStore {
    public func importingCandidates<T: Sendable>(provenance: ImportProvenance, at now: Date,
                                                 _ body: @escaping @Sendable (any CandidateImportSession) async throws -> T) async throws -> T {
        // With a pool, the import's lookups go to the readers, which see the database as it was before the import and
        // run while the writer writes; a single connection (in memory) serves them inside the transaction.
        let session = ImportSession(salt: try await contactSalt(), now: now.truncatedToMilliseconds, readers: writer as? DatabasePool)
        return try await withThrowingTaskGroup(of: ImportOutcome<T>.self) { group in
            // The transaction, held open on the writer connection, running the import's reads and writes as they come.
            group.addTask {
                defer { session.close() }
                try await self.write { db in try session.serve(db, provenance: provenance) }
                return .written
            }
            group.addTask {
                do {
                    let result = try await body(session)
                    session.finish(commit: true)
                    return .result(result)
                } catch {
                    session.finish(commit: false)
                    throw error
                }
            }
            // The first error wins: the import's own, or the transaction's (which fails whatever the import waits on). The
            // transaction rolled back because the import failed reports nothing of its own: the import's error follows.
            var result: T?
            while true {
                do {
                    guard let outcome = try await group.next() else { break }
                    if case .result(let value) = outcome { result = value }
                } catch is ImportSession.RolledBack {
                    continue
                }
            }
            guard let result else { throw ImportSession.Closed() }
            return result
        }
    }
}

/// What each half of an import ends with: the transaction, or the import's own result.
private enum ImportOutcome<T: Sendable>: Sendable {
    case written
    case result(T)
}

/// The open transaction of one import: the import's tasks hand it jobs, which run one after another on the writer
/// connection inside the transaction, until the import finishes (commit) or fails (roll back). Preparing rows
/// happens in the tasks, on every core, while the writer writes the batch before; so do lookups, on a pool's readers.
final class ImportSession: CandidateImportSession, @unchecked Sendable {
    struct Closed: Error {}
    struct RolledBack: Error {}

    private enum State { case open, committing, rollingBack, closed }

    private let salt: String
    private let now: Date
    /// Connections that read what was committed before the import, beside the writer; nil when there is one connection.
    private let readers: DatabasePool?
    /// Guards `jobs` and `state`; the writer waits on it for the next job.
    private let condition = NSCondition()
    /// Each runs on the writer with the database, or with nil once the transaction is gone.
    private var jobs: [(Database?) -> Void] = []
    private var state = State.open
    /// The import run's id, written first in the transaction; read and written on the writer only.
    private var run: Int64 = 0
    /// The people this import created; on the writer only.
    private var created: Set<CandidateID> = []

    init(salt: String, now: Date, readers: DatabasePool?) {
        self.salt = salt
        self.now = now
        self.readers = readers
    }

    /// Runs on the writer inside the transaction: records the run, then the jobs as they come, and returns to commit
    /// or throws to roll back once the import has finished.
    func serve(_ db: Database, provenance: ImportProvenance) throws {
        run = try SQLiteStore.insertImportRun(db, provenance, at: now)
        while true {
            condition.lock()
            while jobs.isEmpty && state == .open { condition.wait() }
            let pending = jobs
            jobs = []
            let state = state
            condition.unlock()
            for job in pending { job(db) }
            guard pending.isEmpty else { continue }
            if state == .committing { return }
            throw RolledBack()
        }
    }

    func finish(commit: Bool) {
        condition.lock()
        if state == .open { state = commit ? .committing : .rollingBack }
        condition.signal()
        condition.unlock()
    }

    /// The transaction has ended: whatever still waits fails.
    func close() {
        condition.lock()
        state = .closed
        let pending = jobs
        jobs = []
        condition.unlock()
        for job in pending { job(nil) }
    }

    private func perform<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            condition.lock()
            guard state == .open else {
                condition.unlock()
                continuation.resume(throwing: Closed())
                return
            }
            jobs.append { db in
                guard let db else { return continuation.resume(throwing: Closed()) }
                do {
                    continuation.resume(returning: try body(db))
                } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                    continuation.resume(throwing: SQLiteStore.domainError(for: error))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            condition.signal()
            condition.unlock()
        }
    }

    func heldPeople(emails: [String], externalIDs: [ExternalID]) async throws -> HeldPeople {
        guard !emails.isEmpty || !externalIDs.isEmpty else { return HeldPeople() }
        if let readers { return try await readers.read { db in try SQLiteStore.heldPeople(db, emails: emails, externalIDs: externalIDs) } }
        return try await perform { db in try SQLiteStore.heldPeople(db, emails: emails, externalIDs: externalIDs) }
    }

    func keyHolders(_ keys: [String]) async throws -> [KeyHolder] {
        guard !keys.isEmpty else { return [] }
        if let readers { return try await readers.read { db in try CandidateKeys.holders(db, of: keys) } }
        return try await perform { [self] db in try CandidateKeys.holders(db, of: keys).filter { !created.contains($0.candidateID) } }
    }

    func apply(_ changes: [CandidateChange], records: [Int], extras: [ImportedExtras]) async throws -> [Candidate] {
        guard !changes.isEmpty else { return [] }
        let prepared = await SQLiteStore.prepare(changes, salt: salt)
        let now = now
        return try await perform { [self] db in
            let stored = try SQLiteStore.write(db, changes, prepared: prepared, at: now)
            try SQLiteStore.recordImport(db, run: run, changes: changes, stored: stored, records: records, extras: extras, at: now)
            for (change, candidate) in zip(changes, stored) { if case .create = change { created.insert(candidate.id) } }
            return stored
        }
    }
}
