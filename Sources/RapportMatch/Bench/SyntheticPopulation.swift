import RapportCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded synthetic population of candidates and jobs for benchmarking matching, shaped like a real skills market.
///
/// ~2,000 skills have Zipf-like popularity, mixed with ~24 role clusters (a cluster's core skills co-occur, as a
/// stack does): the most common skill is on ~18% of profiles, the median one on ~0.2%. A candidate has 5–30 skills
/// (mean ~12), mostly from one cluster, each with a strength 1...255. A job has 3–10 required and 0–5 nice-to-have
/// skills, drawn mostly from its cluster, each with a weight (required 4–10, nice-to-have 1–3). Candidates also carry
/// the facts a benchmark's eligibility filter looks at (region, availability, openness to remote work, the professions
/// of their two clusters and the hours they want), and jobs their cluster's profession and posting flags.
public struct SyntheticPopulation: Sendable {
    /// The generator's knobs; the defaults give the shape above.
    public struct Parameters: Sendable, Hashable {
        public var candidates: Int
        public var jobs: Int
        public var skills = 2_000
        public var clusters = 24
        public var seed: UInt64 = 1

        public init(candidates: Int, jobs: Int, seed: UInt64 = 1) {
            self.candidates = candidates
            self.jobs = jobs
            self.seed = seed
        }
    }

    public let parameters: Parameters
    /// Candidate `c`'s skills are `candidateSkills[candidateStarts[c]..<candidateStarts[c + 1]]`, ascending.
    public private(set) var candidateStarts: [Int] = [0]
    public private(set) var candidateSkills: [UInt32] = []
    /// The candidate's strength on the skill at the same position, 1...255.
    public private(set) var candidateStrengths: [UInt8] = []
    /// Bits 0–1: region (0–3); bit 2: available now; bit 3: open to remote work in another region.
    public private(set) var candidateFlags: [UInt8] = []
    /// Job `j`'s skills are `jobSkills[jobStarts[j]..<jobStarts[j + 1]]`, ascending.
    public private(set) var jobStarts: [Int] = [0]
    public private(set) var jobSkills: [UInt32] = []
    /// The job's weight on the skill at the same position: 4...10 for a required skill, 1...3 for a nice-to-have.
    public private(set) var jobWeights: [UInt8] = []
    public private(set) var jobRegions: [UInt8] = []
    /// The professions of the candidate's two clusters, as the match index keeps a person's.
    public private(set) var candidateFamilies: [RoleFamilySet] = []
    /// 0: either; 1: full-time only; 2: part-time only.
    public private(set) var candidateHours: [UInt8] = []
    public private(set) var jobFamilies: [RoleFamily] = []
    public private(set) var jobFlags: [PostingFlags] = []

    public var candidateCount: Int { candidateStarts.count - 1 }
    public var jobCount: Int { jobStarts.count - 1 }

    public init(_ parameters: Parameters) {
        precondition(parameters.candidates >= 0 && parameters.jobs >= 0 && parameters.skills >= 16 && parameters.clusters >= 1)
        self.parameters = parameters
        let model = Model(parameters)
        generateCandidates(model)
        generateJobs(model)
    }

    /// Candidate `candidate`'s skills as a forward-index document: (skill, strength).
    public func candidatePostings(_ candidate: Int) -> [(term: UInt32, value: UInt8)] {
        (candidateStarts[candidate]..<candidateStarts[candidate + 1]).map { (candidateSkills[$0], candidateStrengths[$0]) }
    }

    /// Job `job`'s skills as a reverse-index document: (skill, weight).
    public func jobPostings(_ job: Int) -> [(term: UInt32, value: UInt8)] {
        (jobStarts[job]..<jobStarts[job + 1]).map { (jobSkills[$0], jobWeights[$0]) }
    }

    /// Job `job` as a forward query: its skills weighted by its weights.
    public func jobQuery(_ job: Int) -> [QueryTerm] {
        (jobStarts[job]..<jobStarts[job + 1]).map { QueryTerm(term: jobSkills[$0], weight: UInt16(jobWeights[$0])) }
    }

    /// Candidate `candidate` as a reverse query: their skills weighted by their strengths.
    public func candidateQuery(_ candidate: Int) -> [QueryTerm] {
        (candidateStarts[candidate]..<candidateStarts[candidate + 1]).map {
            QueryTerm(term: candidateSkills[$0], weight: UInt16(candidateStrengths[$0]))
        }
    }

    /// The benchmark's eligibility rule: the candidate is available and in the job's region or open to remote work,
    /// the job is of their profession or a neighbour's (`Professions`, as the match index asks it), and its posting
    /// flags suit the hours they want (as `EligibilityRules` reads them).
    @inline(__always)
    public func isEligible(candidate: Int, job: Int) -> Bool {
        let flags = candidateFlags[candidate]
        guard flags & 0b100 != 0 && (flags & 0b11 == jobRegions[job] || flags & 0b1000 != 0) else { return false }
        let posting = jobFlags[job]
        if posting.contains(.incomplete) { return false }
        if Professions(job: jobFamilies[job], candidate: candidateFamilies[candidate]).isOtherProfession { return false }
        switch candidateHours[candidate] {
        case 1: return !posting.contains(.partTime) && !posting.contains(.piecework)
        case 2: return posting.contains(.partTime)
        default: return true
        }
    }

    /// The profession of each of the 24 role clusters: most are software engineering, as in an IT firm's market.
    static func family(ofCluster cluster: Int) -> RoleFamily {
        let families: [RoleFamily] = [
            .softwareEngineering, .softwareEngineering, .data, .infrastructure, .softwareEngineering, .data, .infrastructure, .security,
            .softwareEngineering, .qualityAssurance, .businessApplications, .softwareEngineering, .data, .infrastructure, .delivery,
            .softwareEngineering, .security, .product, .softwareEngineering, .data, .infrastructure, .businessApplications,
            .qualityAssurance, .softwareEngineering,
        ]
        return families[cluster % families.count]
    }

    /// How many candidates have each skill.
    public func skillFrequencies() -> [Int] {
        var counts = Array(repeating: 0, count: parameters.skills)
        for skill in candidateSkills {
            counts[Int(skill)] += 1
        }
        return counts
    }

    /// Every (skill, candidate, strength) row ordered by skill, then candidate: the order a skill-keyed table wants.
    public func rowsBySkill() -> (skills: [UInt32], candidates: [UInt32], strengths: [UInt8]) {
        var starts = Array(repeating: 0, count: parameters.skills + 1)
        for skill in candidateSkills {
            starts[Int(skill) + 1] += 1
        }
        for index in 1..<starts.count {
            starts[index] += starts[index - 1]
        }
        var skills = [UInt32](repeating: 0, count: candidateSkills.count)
        var candidates = [UInt32](repeating: 0, count: candidateSkills.count)
        var strengths = [UInt8](repeating: 0, count: candidateSkills.count)
        for candidate in 0..<candidateCount {
            for position in candidateStarts[candidate]..<candidateStarts[candidate + 1] {
                let skill = Int(candidateSkills[position])
                let row = starts[skill]
                starts[skill] += 1
                skills[row] = UInt32(skill)
                candidates[row] = UInt32(candidate)
                strengths[row] = candidateStrengths[position]
            }
        }
        return (skills, candidates, strengths)
    }

    private mutating func generateCandidates(_ model: Model) {
        var random = BenchRandom(seed: parameters.seed ^ 0x43A1_D1DA_7E5C_0001)
        candidateStarts.reserveCapacity(parameters.candidates + 1)
        candidateSkills.reserveCapacity(parameters.candidates * 12)
        candidateStrengths.reserveCapacity(parameters.candidates * 12)
        candidateFlags.reserveCapacity(parameters.candidates)
        var chosen: [UInt32] = []
        // The professions and hours come from a stream of their own, so the skills stay as they always were.
        var hours = BenchRandom(seed: parameters.seed ^ 0x40C2_5000_0000_0004)
        for _ in 0..<parameters.candidates {
            let cluster = model.clusterSampler.draw(&random)
            let second = model.clusterSampler.draw(&random)
            candidateFamilies.append([Self.family(ofCluster: cluster), Self.family(ofCluster: second)])
            let wish = hours.below(100)
            candidateHours.append(wish < 10 ? 1 : wish < 13 ? 2 : 0)
            // 5 + a geometric-like tail: mean ~12, capped at 30.
            let count = Swift.min(30, 5 + Int(-log(1 - random.unit()) * Model.extraSkillsMean))
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < count {
                let draw = random.unit()
                let skill: Int
                if draw < Model.candidateFromCluster {
                    skill = model.core[cluster][model.coreSampler.draw(&random)]
                } else if draw < Model.candidateFromCluster + Model.candidateFromSecondCluster {
                    skill = model.core[second][model.coreSampler.draw(&random)]
                } else {
                    skill = model.skillOfRank[model.globalSampler.draw(&random)]
                }
                if !chosen.contains(UInt32(skill)) { chosen.append(UInt32(skill)) }
            }
            chosen.sort()
            for skill in chosen {
                candidateSkills.append(skill)
                candidateStrengths.append(Self.strength(&random))
            }
            candidateStarts.append(candidateSkills.count)
            let region = UInt8(Model.regionSampler.draw(&random))
            let available: UInt8 = random.below(100) < 80 ? 0b100 : 0
            let remote: UInt8 = random.below(100) < 25 ? 0b1000 : 0
            candidateFlags.append(region | available | remote)
        }
    }

    private mutating func generateJobs(_ model: Model) {
        var random = BenchRandom(seed: parameters.seed ^ 0x10B5_0000_0000_0002)
        var chosen: [(skill: UInt32, weight: UInt8)] = []
        var terms = BenchRandom(seed: parameters.seed ^ 0x7E53_0000_0000_0005)
        for _ in 0..<parameters.jobs {
            let cluster = model.clusterSampler.draw(&random)
            jobFamilies.append(Self.family(ofCluster: cluster))
            // 5% part-time, 2% piecework, 1% unpaid, 1% incomplete.
            let draw = terms.below(100)
            jobFlags.append(draw < 5 ? [.partTime] : draw < 7 ? [.piecework] : draw < 8 ? [.unpaid] : draw < 9 ? [.incomplete] : [])
            let required = random.int(3...10)
            let nice = random.int(0...5)
            chosen.removeAll(keepingCapacity: true)
            while chosen.count < required + nice {
                let skill = random.unit() < Model.jobFromCluster
                    ? model.core[cluster][model.jobCoreSampler.draw(&random)]
                    : model.skillOfRank[model.globalSampler.draw(&random)]
                guard !chosen.contains(where: { $0.skill == UInt32(skill) }) else { continue }
                let weight = chosen.count < required ? random.int(4...10) : random.int(1...3)
                chosen.append((UInt32(skill), UInt8(weight)))
            }
            chosen.sort { $0.skill < $1.skill }
            for (skill, weight) in chosen {
                jobSkills.append(skill)
                jobWeights.append(weight)
            }
            jobStarts.append(jobSkills.count)
            jobRegions.append(UInt8(Model.regionSampler.draw(&random)))
        }
    }

    /// A level 1–5 (most people mid-level) spread into 1...255 so that scores rarely tie exactly.
    private static func strength(_ random: inout BenchRandom) -> UInt8 {
        let level = levelSampler.draw(&random) + 1
        return UInt8(level * 40 + random.below(55))
    }

    private static let levelSampler = WeightedSampler(weights: [10, 25, 35, 20, 10])

    /// The fixed shape of the skills market: popularity by rank and each cluster's core skills.
    struct Model {
        /// Zipf–Mandelbrot popularity (rank + offset)^-exponent; with the cluster mix below the top skill is on
        /// ~18% of profiles, the median one on ~0.2%, and a job's skills cover ~200k postings per million candidates.
        static let zipfExponent = 0.85
        static let zipfOffset = 2.0
        /// Cores are drawn by popularity^0.65, flatter than the market, so stacks are mostly mid-popularity skills.
        static let corePopularityPower = 0.65
        static let coreSize = 60
        /// Candidates lean on their cluster's staple skills; jobs ask for its more specific ones too.
        static let coreExponent = 0.7
        static let jobCoreExponent = 0.4
        static let extraSkillsMean = 7.8
        static let candidateFromCluster = 0.50
        static let candidateFromSecondCluster = 0.10
        static let jobFromCluster = 0.85
        static let regionSampler = WeightedSampler(weights: [40, 30, 20, 10])

        let skillOfRank: [Int]
        let globalSampler: WeightedSampler
        let clusterSampler: WeightedSampler
        let core: [[Int]]
        let coreSampler: WeightedSampler
        let jobCoreSampler: WeightedSampler

        init(_ parameters: Parameters) {
            var random = BenchRandom(seed: parameters.seed ^ 0x5C11_1500_0000_0003)
            var ranks = Array(0..<parameters.skills)
            ranks.shuffle(using: &random)
            skillOfRank = ranks
            let popularity = (0..<parameters.skills).map { pow(Double($0) + Self.zipfOffset, -Self.zipfExponent) }
            globalSampler = WeightedSampler(weights: popularity)
            clusterSampler = WeightedSampler(weights: (0..<parameters.clusters).map { pow(Double($0) + 3, -0.7) })
            // A cluster's core: skills drawn by popularity, skipping the very top (the generic skills every cluster
            // shares come in through the global draws), so stacks overlap but differ.
            let coreSize = Swift.min(Self.coreSize, parameters.skills / 2)
            let coreRanks = WeightedSampler(weights: popularity.map { pow($0, Self.corePopularityPower) })
            var core: [[Int]] = []
            for _ in 0..<parameters.clusters {
                var members: [Int] = []
                while members.count < coreSize {
                    let rank = coreRanks.draw(&random)
                    let skill = ranks[rank]
                    if rank >= 2 && !members.contains(skill) { members.append(skill) }
                }
                core.append(members)
            }
            self.core = core
            coreSampler = WeightedSampler(weights: (0..<coreSize).map { pow(Double($0) + 1, -Self.coreExponent) })
            jobCoreSampler = WeightedSampler(weights: (0..<coreSize).map { pow(Double($0) + 1, -Self.jobCoreExponent) })
        }
    }
}
