import Foundation
import RapportCore
import Synchronization

/// The live matching engine: inverted indexes over candidates (job → candidates) and over open jobs (candidate →
/// jobs), built from the store at start-up and updated by every write that goes through `FirmRecords`.
///
/// Queries run in two stages: the index selects the exact top of the skill score (Σ importance × strength, see
/// `MatchPostings`) among eligible people, then `poolFactor × limit` of them get the full fit score and explanation
/// and are ranked by it. State lives behind one lock; a query holds it for about a millisecond.
public final class MatchService: RecordObserver, Sendable {
    private let store: any RapportStore
    private let today: @Sendable () -> LocalDate
    private let settings: MatchSettings
    private let state: Mutex<MatchState>

    public init(store: any RapportStore, settings: MatchSettings = MatchSettings(), today: @escaping @Sendable () -> LocalDate) {
        self.store = store
        self.settings = settings
        self.today = today
        state = Mutex(MatchState(taxonomy: Taxonomy(version: 0, skills: []), settings: settings, today: today()))
    }

    /// Builds both indexes from the store, replacing whatever was there; `progress` hears candidates loaded so far.
    public func load(progress: @Sendable (Int) -> Void = { _ in }) async throws {
        let started = ContinuousClock.now
        let taxonomy = try await loadTaxonomy()
        var fresh = MatchState(taxonomy: taxonomy, settings: settings, today: today())
        var after: Int64?
        repeat {
            let page = try await store.clients(page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for client in page.items {
                fresh.clientIndustry[client.id] = client.details.industry
            }
            after = page.nextAfter
        } while after != nil
        repeat {
            let page = try await store.jobs(JobQuery(), page: PageRequest(limit: PageRequest.maximumLimit, after: after))
            for job in page.items {
                fresh.save(job)
            }
            after = page.nextAfter
        } while after != nil
        // Reading and decoding the next batch overlaps with indexing this one: on two cores, loading takes half the time.
        var loaded = 0
        var batch = try await store.candidates(after: nil, limit: 2000)
        while let end = batch.last {
            async let following = store.candidates(after: end.id, limit: 2000)
            for candidate in batch {
                fresh.save(candidate)
            }
            loaded += batch.count
            progress(loaded)
            batch = try await following
        }
        fresh.refreshSpecificity(force: true)
        fresh.buildMilliseconds = Double((ContinuousClock.now - started).components.attoseconds) / 1e15
            + Double((ContinuousClock.now - started).components.seconds) * 1000
        let built = fresh
        state.withLock { $0 = built }
    }

    public func recordChanged(_ change: RecordChange) async {
        switch change {
        case .candidateSaved(let candidate):
            state.withLock { $0.save(candidate) }
        case .candidateDeleted(let id):
            state.withLock { $0.removeCandidate(id) }
        case .jobSaved(let job):
            state.withLock { $0.save(job) }
        case .jobDeleted(let id):
            state.withLock { $0.removeJob(id) }
        case .clientSaved(let client):
            state.withLock { $0.clientIndustry[client.id] = client.details.industry }
        case .taxonomyChanged:
            guard let taxonomy = try? await loadTaxonomy() else { return }
            state.withLock { $0.reindex(taxonomy: taxonomy) }
        }
    }

    public var status: MatchIndexStatus {
        state.withLock { $0.status }
    }

    public var taxonomy: Taxonomy {
        state.withLock { $0.taxonomy }
    }

    /// The normaliser and extractor of the current taxonomy.
    public var textTools: SkillTextTools {
        state.withLock { $0.textTools }
    }

    /// The best candidates for a job, eligible ones only unless `includeIneligible`.
    public func matches(for jobID: JobID, limit: Int, includeIneligible: Bool = false) async throws -> [CandidateMatch] {
        let job = try await store.job(jobID)
        let industry = try? await store.client(job.details.clientID).details.industry
        let today = today()
        return state.withLock { state in
            state.matches(for: job.details, clientIndustry: industry, limit: limit, includeIneligible: includeIneligible, today: today)
        }
    }

    /// The open jobs a candidate is eligible for, best first.
    public func opportunities(for candidateID: CandidateID, limit: Int) async throws -> [JobMatch] {
        let candidate = try await store.candidate(candidateID)
        let today = today()
        return state.withLock { state in
            state.opportunities(for: candidate.profile, limit: limit, today: today)
        }
    }

    /// One candidate × job fit, eligible or not: what a recruiter sees before pitching.
    public func fit(candidate candidateID: CandidateID, job jobID: JobID) async throws -> FitExplanation {
        let candidate = try await store.candidate(candidateID)
        let job = try await store.job(jobID)
        let industry = try? await store.client(job.details.clientID).details.industry
        let today = today()
        return state.withLock { state in
            state.scorer.evaluate(candidate.profile, for: job.details, clientIndustry: industry, today: today)
        }
    }

    /// The same fit for records the caller already holds: no reads, just scoring.
    public func fit(_ profile: CandidateProfile, for job: JobDetails, clientIndustry: String?) -> FitExplanation {
        let today = today()
        return state.withLock { state in
            state.scorer.evaluate(profile, for: job, clientIndustry: clientIndustry, today: today)
        }
    }

    private func loadTaxonomy() async throws -> Taxonomy {
        try await Taxonomy.current(in: store)
    }
}
