/// Another engine's forward ranking for the benchmark to time and compare with the index (SQLite in the CLI).
public protocol ForwardRankingBaseline {
    /// The top `k` candidates (slot = candidate number) by Σ query weight × strength, ties to the lower candidate.
    func topK(_ query: [QueryTerm], k: Int) throws -> [ScoredSlot]
}

/// `rapport bench match`: builds both indexes over a synthetic population and times exact top-k queries on one core.
public enum MatchBenchmark {
    /// What to generate and how many queries to time.
    public struct Configuration: Sendable, Hashable {
        public var candidates: Int
        public var jobs: Int
        public var queries: Int
        public var seed: UInt64
        public var k = 50
        /// How many of the forward queries the baseline also answers (it is ~100× slower).
        public var baselineQueries = 200
        public var warmupQueries = 20

        public init(candidates: Int = 1_000_000, jobs: Int = 100_000, queries: Int = 1_000, seed: UInt64 = 1) {
            self.candidates = candidates
            self.jobs = jobs
            self.queries = queries
            self.seed = seed
        }
    }

    /// Runs the whole benchmark on the calling thread. `baseline` builds the comparison engine from the population
    /// (its load time is reported); `progress` receives one line per phase.
    public static func run(
        _ configuration: Configuration,
        progress: (String) -> Void = { _ in },
        baseline: ((SyntheticPopulation) throws -> any ForwardRankingBaseline)? = nil
    ) throws -> MatchBenchReport {
        precondition(configuration.candidates > 0 && configuration.jobs > 0 && configuration.queries > 0 && configuration.k > 0)
        var report = MatchBenchReport(configuration)

        progress("Generating \(configuration.candidates) candidates and \(configuration.jobs) jobs (seed \(configuration.seed))…")
        var started = ContinuousClock.now
        let population = SyntheticPopulation(
            .init(candidates: configuration.candidates, jobs: configuration.jobs, seed: configuration.seed))
        report.population = PopulationFigures(population, seconds: seconds(since: started))

        progress("Building the forward index (candidates by skill)…")
        started = ContinuousClock.now
        let forward = buildForward(population)
        report.forwardIndex = IndexFigures(forward, seconds: seconds(since: started))

        progress("Building the reverse index (jobs by skill)…")
        started = ContinuousClock.now
        let reverse = buildReverse(population)
        report.reverseIndex = IndexFigures(reverse, seconds: seconds(since: started))

        var random = BenchRandom(seed: configuration.seed ^ 0x0BE0_C000_0000_0004)
        let jobs = (0..<configuration.queries).map { _ in random.below(population.jobCount) }
        let candidates = (0..<configuration.queries).map { _ in random.below(population.candidateCount) }
        let forwardQueries = jobs.map(population.jobQuery)
        let reverseQueries = candidates.map(population.candidateQuery)
        let k = configuration.k
        var scratch = TopKScratch(capacity: k)

        for index in 0..<Swift.min(configuration.warmupQueries, configuration.queries) {
            _ = forward.topK(forwardQueries[index], k: k, scratch: &scratch) { _ in true }
            _ = reverse.topK(reverseQueries[index], k: k, scratch: &scratch) { _ in true }
        }

        progress("Timing \(configuration.queries) forward queries (top \(k) of \(forward.liveCount) candidates)…")
        let baselineCount = baseline == nil ? 0 : Swift.min(configuration.baselineQueries, configuration.queries)
        var forwardTimes: [Int64] = []
        var touched: [Int] = []
        var kept: [[ScoredSlot]] = []
        for (index, query) in forwardQueries.enumerated() {
            let start = ContinuousClock.now
            let result = forward.topK(query, k: k, scratch: &scratch) { _ in true }
            forwardTimes.append(nanoseconds(since: start))
            touched.append(scratch.stats.postingsTouched)
            if index < baselineCount { kept.append(result) }
        }
        report.forward = LatencyFigures(forwardTimes)
        report.forwardPostingsTouched = CountDistribution(touched)

        progress("Timing \(configuration.queries) forward queries with an eligibility filter…")
        var filteredTimes: [Int64] = []
        var offered = 0
        var rejected = 0
        for (query, job) in zip(forwardQueries, jobs) {
            let start = ContinuousClock.now
            _ = forward.topK(query, k: k, scratch: &scratch) { population.isEligible(candidate: Int($0), job: job) }
            filteredTimes.append(nanoseconds(since: start))
            offered += scratch.stats.offered
            rejected += scratch.stats.rejected
        }
        report.forwardFiltered = LatencyFigures(filteredTimes)
        report.filterPassRate = offered == 0 ? 1 : Double(offered - rejected) / Double(offered)

        // A person's openings are always filtered by the rules, as the match service's are.
        progress("Timing \(configuration.queries) reverse queries (top \(k) of \(reverse.liveCount) jobs, with the eligibility filter)…")
        var reverseTimes: [Int64] = []
        touched.removeAll(keepingCapacity: true)
        for (query, candidate) in zip(reverseQueries, candidates) {
            let start = ContinuousClock.now
            _ = reverse.topK(query, k: k, scratch: &scratch) { population.isEligible(candidate: candidate, job: Int($0)) }
            reverseTimes.append(nanoseconds(since: start))
            touched.append(scratch.stats.postingsTouched)
        }
        report.reverse = LatencyFigures(reverseTimes)
        report.reversePostingsTouched = CountDistribution(touched)

        if let baseline, baselineCount > 0 {
            progress("Loading the baseline (\(population.candidateSkills.count) rows)…")
            started = ContinuousClock.now
            let engine = try baseline(population)
            let loadSeconds = seconds(since: started)
            progress("Timing the baseline on \(baselineCount) of the forward queries…")
            var times: [Int64] = []
            var agreeing = 0
            for index in 0..<baselineCount {
                let start = ContinuousClock.now
                let result = try engine.topK(forwardQueries[index], k: k)
                times.append(nanoseconds(since: start))
                if result == kept[index] { agreeing += 1 }
            }
            let indexLatency = LatencyFigures(Array(forwardTimes[0..<baselineCount]))
            let latency = LatencyFigures(times)
            report.baseline = BaselineFigures(
                queries: baselineCount, loadSeconds: loadSeconds, latency: latency, indexLatency: indexLatency,
                agreement: Double(agreeing) / Double(baselineCount),
                ratio: latency.p50Milliseconds / Swift.max(indexLatency.p50Milliseconds, 1e-9))
        }
        report.targets = report.targetChecks
        return report
    }

    /// The forward index over the population's candidates (slot = candidate number), trimmed to its exact size.
    public static func buildForward(_ population: SyntheticPopulation) -> PostingIndex {
        var index = PostingIndex(termCount: population.parameters.skills)
        var postings: [(term: UInt32, value: UInt8)] = []
        for candidate in 0..<population.candidateCount {
            postings.removeAll(keepingCapacity: true)
            for position in population.candidateStarts[candidate]..<population.candidateStarts[candidate + 1] {
                postings.append((population.candidateSkills[position], population.candidateStrengths[position]))
            }
            index.append(slot: UInt32(candidate), postings: postings)
        }
        return index.compacted()
    }

    /// The reverse index over the population's jobs (slot = job number), trimmed to its exact size.
    public static func buildReverse(_ population: SyntheticPopulation) -> PostingIndex {
        var index = PostingIndex(termCount: population.parameters.skills)
        var postings: [(term: UInt32, value: UInt8)] = []
        for job in 0..<population.jobCount {
            postings.removeAll(keepingCapacity: true)
            for position in population.jobStarts[job]..<population.jobStarts[job + 1] {
                postings.append((population.jobSkills[position], population.jobWeights[position]))
            }
            index.append(slot: UInt32(job), postings: postings)
        }
        return index.compacted()
    }

    static func nanoseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = (ContinuousClock.now - start).components
        return elapsed.seconds * 1_000_000_000 + elapsed.attoseconds / 1_000_000_000
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        Double(nanoseconds(since: start)) / 1e9
    }
}

/// LatencyFigures percentiles of one kind of query, nearest-rank, in milliseconds.
public struct LatencyFigures: Sendable, Codable, Hashable {
    public var p50Milliseconds: Double
    public var p99Milliseconds: Double
    public var maxMilliseconds: Double
    public var meanMilliseconds: Double

    public init(_ nanoseconds: [Int64]) {
        let sorted = nanoseconds.sorted()
        func milliseconds(_ value: Int64) -> Double { Double(value) / 1e6 }
        p50Milliseconds = milliseconds(CountDistribution.percentile(sorted, 0.50))
        p99Milliseconds = milliseconds(CountDistribution.percentile(sorted, 0.99))
        maxMilliseconds = milliseconds(sorted.last ?? 0)
        meanMilliseconds = sorted.isEmpty ? 0 : milliseconds(sorted.reduce(0, +)) / Double(sorted.count)
    }

    init() {
        self.init([])
    }

    enum CodingKeys: String, CodingKey {
        case p50Milliseconds = "p50_ms", p99Milliseconds = "p99_ms", maxMilliseconds = "max_ms", meanMilliseconds = "mean_ms"
    }
}

/// Median and tail of a count per query.
public struct CountDistribution: Sendable, Codable, Hashable {
    public var median: Int
    public var p99: Int
    public var mean: Double

    public init(_ values: [Int]) {
        let sorted = values.sorted()
        median = Self.percentile(sorted, 0.50)
        p99 = Self.percentile(sorted, 0.99)
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count)
    }

    /// Nearest rank: the smallest value with at least `fraction` of the values at or below it.
    static func percentile<Value: BinaryInteger>(_ sorted: [Value], _ fraction: Double) -> Value {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}

/// The shape of the generated population, to check it against the description.
public struct PopulationFigures: Sendable, Codable, Hashable {
    public var skills = 0
    public var candidateSkillRows = 0
    public var jobSkillRows = 0
    public var meanSkillsPerCandidate = 0.0
    public var topSkillShare = 0.0
    public var medianSkillShare = 0.0
    public var generationSeconds = 0.0

    public init() {}

    public init(_ population: SyntheticPopulation, seconds: Double) {
        let frequencies = population.skillFrequencies().sorted()
        let candidates = Double(Swift.max(population.candidateCount, 1))
        skills = population.parameters.skills
        candidateSkillRows = population.candidateSkills.count
        jobSkillRows = population.jobSkills.count
        meanSkillsPerCandidate = Double(candidateSkillRows) / candidates
        topSkillShare = Double(frequencies.last ?? 0) / candidates
        medianSkillShare = Double(frequencies[frequencies.count / 2]) / candidates
        generationSeconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case skills, candidateSkillRows = "candidate_skill_rows", jobSkillRows = "job_skill_rows"
        case meanSkillsPerCandidate = "mean_skills_per_candidate", topSkillShare = "top_skill_share"
        case medianSkillShare = "median_skill_share", generationSeconds = "generation_s"
    }
}

/// How big an index is and how long it took to build from rows in memory.
public struct IndexFigures: Sendable, Codable, Hashable {
    public var documents = 0
    public var postings = 0
    public var bytes = 0
    public var buildSeconds = 0.0

    public init() {}

    public init(_ index: PostingIndex, seconds: Double) {
        documents = index.liveCount
        postings = index.postingCount
        bytes = index.memoryBytes
        buildSeconds = seconds
    }

    enum CodingKeys: String, CodingKey {
        case documents, postings, bytes, buildSeconds = "build_s"
    }
}

/// The baseline engine's figures on the shared forward queries.
public struct BaselineFigures: Sendable, Codable, Hashable {
    public var queries: Int
    public var loadSeconds: Double
    public var latency: LatencyFigures
    /// The index's latency on the same queries.
    public var indexLatency: LatencyFigures
    /// The share of queries whose top k (slots, scores and order) is identical in both engines.
    public var agreement: Double
    /// Baseline p50 over index p50 on the same queries: how many times faster the index is.
    public var ratio: Double

    enum CodingKeys: String, CodingKey {
        case queries, loadSeconds = "load_s", latency, indexLatency = "index_latency", agreement, ratio
    }
}

/// Everything `rapport bench match` measured, printed as text or as one JSON object.
public struct MatchBenchReport: Sendable, Codable, Hashable {
    public var candidates: Int
    public var jobs: Int
    public var queries: Int
    public var seed: UInt64
    public var k: Int
    public var population = PopulationFigures()
    public var forwardIndex = IndexFigures()
    public var reverseIndex = IndexFigures()
    public var forward = LatencyFigures()
    public var forwardPostingsTouched = CountDistribution([])
    public var forwardFiltered = LatencyFigures()
    /// Of the slots the filtered queries offered to the eligibility filter, the share it accepted.
    public var filterPassRate = 1.0
    public var reverse = LatencyFigures()
    public var reversePostingsTouched = CountDistribution([])
    public var baseline: BaselineFigures?
    /// `targetChecks` as of the end of the run, so the JSON carries them too.
    public var targets: [TargetCheck] = []

    init(_ configuration: MatchBenchmark.Configuration) {
        candidates = configuration.candidates
        jobs = configuration.jobs
        queries = configuration.queries
        seed = configuration.seed
        k = configuration.k
    }

    enum CodingKeys: String, CodingKey {
        case candidates, jobs, queries, seed, k, population
        case forwardIndex = "forward_index", reverseIndex = "reverse_index", forward
        case forwardPostingsTouched = "forward_postings_touched", forwardFiltered = "forward_filtered"
        case filterPassRate = "filter_pass_rate", reverse, reversePostingsTouched = "reverse_postings_touched"
        case baseline = "sqlite", targets
    }
}
