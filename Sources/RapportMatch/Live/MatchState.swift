import RapportCore

/// Everything the match service keeps in memory; mutated only under the service's lock.
struct MatchState: Sendable {
    private(set) var taxonomy: Taxonomy
    private(set) var scorer: FitScorer
    private(set) var textTools: SkillTextTools
    private let settings: MatchSettings
    private var postings: MatchPostings
    var clientIndustry: [ClientID: String] = [:]
    var buildMilliseconds = 0.0

    /// Candidates by slot; a changed candidate is removed and appended under a new slot, so slots only grow.
    private var candidateIndex: PostingIndex
    private var candidateSlots: [CandidateID: UInt32] = [:]
    private var candidatesBySlot: [MatchCandidate?] = []
    /// Where each slot lives and whether it moves, kept apart from the profiles so the top-k filter can reject
    /// people a job's place rules out without touching their profile (the commonest rejection).
    private var placesBySlot: [SlotPlace] = []
    private var placeKeys: [String: Int32] = [:]

    /// Open jobs by slot, likewise; jobs that are not open are not in the reverse index.
    private var jobIndex: PostingIndex
    private var jobSlots: [JobID: UInt32] = [:]
    private var jobsBySlot: [Job?] = []
    /// Each open job's profession, derived once when it is saved.
    private var jobFamiliesBySlot: [RoleFamily?] = []
    /// Each open job's posting flags, read once from its words when it is saved.
    private var jobFlagsBySlot: [PostingFlags] = []

    private var scratch = TopKScratch(capacity: 256)

    /// How many people and open jobs list each skill themselves, kept as they change, and the population the
    /// specificity table was last worked out for.
    private var peopleWith: [SkillID: Int] = [:]
    private var jobsWith: [SkillID: Int] = [:]
    private var specificityPopulation = 0

    init(taxonomy: Taxonomy, settings: MatchSettings, today: LocalDate) {
        self.taxonomy = taxonomy
        self.settings = settings
        scorer = FitScorer(taxonomy: taxonomy, weights: settings.weights, rules: EligibilityRules(rates: settings.rates))
        textTools = SkillTextTools(taxonomy: taxonomy)
        postings = MatchPostings(taxonomy: taxonomy, weights: settings.weights, today: today,
                                 specificity: SkillSpecificity(taxonomy: taxonomy))
        let terms = Int(taxonomy.skills.last?.id.rawValue ?? 0) + 1
        candidateIndex = PostingIndex(termCount: terms)
        jobIndex = PostingIndex(termCount: terms)
    }

    // MARK: Changes

    mutating func save(_ candidate: Candidate) {
        removeCandidate(candidate.id)
        Self.count(candidate.profile.skills.map(\.skillID), by: 1, in: &peopleWith)
        append(MatchCandidate(candidate, families: taxonomy.professions(of: candidate.profile)))
        compactIfWasteful()
        refreshSpecificity()
    }

    mutating func removeCandidate(_ id: CandidateID) {
        guard let slot = candidateSlots.removeValue(forKey: id) else { return }
        candidateIndex.remove(slot: slot)
        if let removed = candidatesBySlot[Int(slot)] {
            Self.count(removed.profile.skills.map(\.skillID), by: -1, in: &peopleWith)
        }
        candidatesBySlot[Int(slot)] = nil
    }

    mutating func save(_ job: Job) {
        removeJob(job.id)
        guard job.details.status == .open else { return }
        Self.count(job.details.requiredSkills.map(\.skillID), by: 1, in: &jobsWith)
        let slot = UInt32(jobsBySlot.count)
        jobsBySlot.append(job)
        jobFamiliesBySlot.append(taxonomy.profession(of: job.details))
        jobFlagsBySlot.append(taxonomy.postingFlags(of: job.details))
        jobSlots[job.id] = slot
        jobIndex.append(slot: slot, postings: postings.job(job.details))
        refreshSpecificity()
    }

    mutating func removeJob(_ id: JobID) {
        guard let slot = jobSlots.removeValue(forKey: id) else { return }
        jobIndex.remove(slot: slot)
        if let removed = jobsBySlot[Int(slot)] {
            Self.count(removed.details.requiredSkills.map(\.skillID), by: -1, in: &jobsWith)
        }
        jobsBySlot[Int(slot)] = nil
    }

    /// Each skill once, however often it is listed.
    private static func count(_ skills: [SkillID], by delta: Int, in counts: inout [SkillID: Int]) {
        for id in Set(skills) {
            let count = counts[id, default: 0] + delta
            counts[id] = count > 0 ? count : nil
        }
    }

    /// Works out how much each skill says about fit again once people and open jobs together have changed by a
    /// tenth since the last time (or at once with `force`, as a load ends), so scores do not move with every edit.
    mutating func refreshSpecificity(force: Bool = false) {
        let population = candidateSlots.count + jobSlots.count
        guard force || abs(population - specificityPopulation) * 10 > specificityPopulation else { return }
        specificityPopulation = population
        let specificity = SkillSpecificity(taxonomy: taxonomy, people: candidateSlots.count, peopleWith: peopleWith,
                                           jobs: jobSlots.count, jobsWith: jobsWith)
        scorer.specificity = specificity
        postings.specificity = specificity
    }

    /// A new taxonomy changes relations and so every candidate's postings: rebuild both indexes from memory.
    mutating func reindex(taxonomy: Taxonomy) {
        let candidates = candidatesBySlot.compactMap { $0 }
        let jobs = jobsBySlot.compactMap { $0 }
        var fresh = MatchState(taxonomy: taxonomy, settings: settings, today: postings.today)
        fresh.clientIndustry = clientIndustry
        fresh.peopleWith = peopleWith
        for candidate in candidates {
            let families = taxonomy.professions(of: candidate.profile)
            fresh.append(MatchCandidate(id: candidate.id, profile: candidate.profile, families: families))
        }
        for job in jobs {
            fresh.save(job)
        }
        fresh.refreshSpecificity(force: true)
        fresh.buildMilliseconds = buildMilliseconds
        self = fresh
    }

    private mutating func append(_ candidate: MatchCandidate) {
        let slot = UInt32(candidatesBySlot.count)
        candidatesBySlot.append(candidate)
        let profile = candidate.profile
        placesBySlot.append(SlotPlace(place: placeKey(profile.location), remoteOnly: profile.remotePreference == .remoteOnly,
                                      relocates: profile.openToRelocation))
        candidateSlots[candidate.id] = slot
        candidateIndex.append(slot: slot, postings: postings.candidate(candidate.profile.skills))
    }

    /// Rewrites the candidate index once removed slots are a quarter of it, so edits do not slow queries for ever.
    private mutating func compactIfWasteful() {
        guard candidatesBySlot.count > 1024, candidateIndex.removedCount * 4 > candidatesBySlot.count else { return }
        let candidates = candidatesBySlot.compactMap { $0 }
        candidateIndex = PostingIndex(termCount: candidateIndex.termCount)
        candidateSlots = [:]
        candidatesBySlot = []
        placesBySlot = []
        for candidate in candidates {
            append(candidate)
        }
    }

    // MARK: Queries

    mutating func matches(
        for job: JobDetails, clientIndustry: String?, limit: Int, includeIneligible: Bool, today: LocalDate
    ) -> [CandidateMatch] {
        let rules = scorer.rules
        let onSite = job.remotePolicy != .remote
        let jobPlace = Self.placeText(job.location).flatMap { placeKeys[$0] } ?? -1
        let places = placesBySlot
        let jobFamily = taxonomy.profession(of: job)
        let flags = taxonomy.postingFlags(of: job)
        let pool = candidateIndex.topK(postings.query(job), k: limit * settings.poolFactor, scratch: &scratch) { slot in
            // The same remote and location rules as EligibilityRules, read from the compact table first.
            let place = places[Int(slot)]
            if !includeIneligible && onSite && (place.remoteOnly || (!place.relocates && place.place != jobPlace)) {
                return false
            }
            guard let candidate = candidatesBySlot[Int(slot)] else { return false }
            return includeIneligible || rules.isEligible(candidate.profile, for: job, clientIndustry: clientIndustry, today: today,
                                                         professions: Professions(job: jobFamily, candidate: candidate.families), flags: flags)
        }
        let scored = pool.compactMap { hit -> (CandidateMatch, UInt32)? in
            guard let candidate = candidatesBySlot[Int(hit.slot)] else { return nil }
            let fit = scorer.evaluate(candidate.profile, for: job, clientIndustry: clientIndustry, today: today,
                                      professions: Professions(job: jobFamily, candidate: candidate.families), flags: flags)
            return (CandidateMatch(candidateID: candidate.id, name: candidate.profile.name, headline: candidate.profile.headline,
                                   fit: fit), hit.score)
        }
        return Self.ranked(scored, limit: limit) { $0.candidateID.rawValue }
    }

    mutating func opportunities(for candidate: CandidateProfile, limit: Int, today: LocalDate) -> [JobMatch] {
        let query = postings.candidate(candidate.skills).map { QueryTerm(term: $0.term, weight: UInt16($0.value)) }
        let rules = scorer.rules
        let industries = clientIndustry
        let families = taxonomy.professions(of: candidate)
        let jobFamilies = jobFamiliesBySlot
        let jobFlags = jobFlagsBySlot
        let pool = jobIndex.topK(query, k: limit * settings.poolFactor, scratch: &scratch) { slot in
            guard let job = jobsBySlot[Int(slot)] else { return false }
            return rules.isEligible(candidate, for: job.details, clientIndustry: industries[job.details.clientID], today: today,
                                    professions: Professions(job: jobFamilies[Int(slot)], candidate: families), flags: jobFlags[Int(slot)])
        }
        let scored = pool.compactMap { hit -> (JobMatch, UInt32)? in
            guard let job = jobsBySlot[Int(hit.slot)] else { return nil }
            let fit = scorer.evaluate(candidate, for: job.details, clientIndustry: industries[job.details.clientID], today: today,
                                      professions: Professions(job: jobFamilies[Int(hit.slot)], candidate: families),
                                      flags: jobFlags[Int(hit.slot)])
            return (JobMatch(jobID: job.id, title: job.details.title, clientID: job.details.clientID, fit: fit), hit.score)
        }
        return Self.ranked(scored, limit: limit) { $0.jobID.rawValue }
    }

    /// Eligible before ineligible (a job of another profession ranks at the bottom whatever it scores), then full
    /// score, then the index's skill score, then id, so equal fits keep a stable order.
    private static func ranked<Match>(_ scored: [(Match, UInt32)], limit: Int, id: (Match) -> Int64) -> [Match] where Match: Sendable {
        scored.sorted { lhs, rhs in
            let left = fit(lhs.0)
            let right = fit(rhs.0)
            if left.eligible != right.eligible { return left.eligible }
            if left.score != right.score { return left.score > right.score }
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            return id(lhs.0) < id(rhs.0)
        }
        .prefix(limit)
        .map(\.0)
    }

    private static func fit<Match>(_ match: Match) -> (eligible: Bool, score: Int) {
        switch match {
        case let match as CandidateMatch: (match.fit.isEligible, match.fit.score)
        case let match as JobMatch: (match.fit.isEligible, match.fit.score)
        default: (false, 0)
        }
    }

    /// Places compare as EligibilityRules compares them: city and country, ignoring case; nil for an unknown city.
    private static func placeText(_ location: Location) -> String? {
        location.city.map { $0.lowercased() + "\u{1F}" + location.country.lowercased() }
    }

    /// A person's place; an unknown city gets -2, which is no job's place (a job's unknown or unseen place is -1).
    private mutating func placeKey(_ location: Location) -> Int32 {
        guard let text = Self.placeText(location) else { return -2 }
        if let key = placeKeys[text] { return key }
        let key = Int32(placeKeys.count)
        placeKeys[text] = key
        return key
    }

    var status: MatchIndexStatus {
        MatchIndexStatus(
            taxonomyVersion: taxonomy.version, candidates: candidateSlots.count, openJobs: jobSlots.count,
            candidatePostings: candidateIndex.postingCount, memoryBytes: candidateIndex.memoryBytes + jobIndex.memoryBytes,
            buildMilliseconds: buildMilliseconds
        )
    }
}

/// Where a slot's candidate lives, as an interned place, and whether the place can rule them out.
struct SlotPlace: Sendable {
    let place: Int32
    let remoteOnly: Bool
    let relocates: Bool
}

/// A candidate as the index keeps them: the profile without the free text and contact details matching never reads.
/// A class, so reading one in the top-k filter costs one reference count, not a copy of every field.
final class MatchCandidate: Sendable {
    let id: CandidateID
    let profile: CandidateProfile
    /// Their professions, derived once with the taxonomy of the index.
    let families: RoleFamilySet

    init(id: CandidateID, profile: CandidateProfile, families: RoleFamilySet) {
        self.id = id
        self.profile = profile
        self.families = families
    }

    convenience init(_ candidate: Candidate, families: RoleFamilySet) {
        var profile = candidate.profile
        profile.email = ""
        profile.phone = nil
        profile.links = []
        profile.summary = ""
        self.init(id: candidate.id, profile: profile, families: families)
    }
}

/// The normaliser and extractor for one taxonomy version, built together so they always agree.
public struct SkillTextTools: Sendable {
    public let taxonomy: Taxonomy
    public let normalizer: SkillNormalizer
    public let extractor: SkillExtractor

    init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        normalizer = SkillNormalizer(taxonomy: taxonomy)
        extractor = SkillExtractor(taxonomy: taxonomy)
    }
}
