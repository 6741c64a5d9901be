import Foundation
import RapportMatch
import Testing

@Suite("Synthetic matching population and benchmark")
struct SyntheticPopulationTests {
    static let population = SyntheticPopulation(.init(candidates: 20_000, jobs: 2_000, seed: 1))

    @Test("the population has the issue's shape: top skill ~18%, median ~0.2%, mean ~12 skills, 5–30 each")
    func shape() {
        let population = Self.population
        let figures = PopulationFigures(population, seconds: 0)
        #expect(figures.skills == 2_000)
        #expect((0.14...0.23).contains(figures.topSkillShare))
        #expect((0.001...0.004).contains(figures.medianSkillShare))
        #expect((11.0...13.0).contains(figures.meanSkillsPerCandidate))
        for candidate in 0..<population.candidateCount {
            let skills = population.candidateSkills[population.candidateStarts[candidate]..<population.candidateStarts[candidate + 1]]
            #expect((5...30).contains(skills.count))
            #expect(zip(skills, skills.dropFirst()).allSatisfy { $0 < $1 }, "ascending and unique")
        }
        #expect(population.candidateStrengths.allSatisfy { $0 >= 1 })
    }

    @Test("jobs have 3–10 required and 0–5 nice-to-have skills, and touch ~150k–250k postings per million candidates")
    func jobs() {
        let population = Self.population
        var touched: [Int] = []
        let frequencies = population.skillFrequencies()
        for job in 0..<population.jobCount {
            let weights = population.jobWeights[population.jobStarts[job]..<population.jobStarts[job + 1]]
            #expect((3...10).contains(weights.filter { $0 >= 4 }.count))
            #expect((0...5).contains(weights.filter { $0 <= 3 }.count))
            touched.append(population.jobQuery(job).reduce(0) { $0 + frequencies[Int($1.term)] })
        }
        let median = CountDistribution(touched).median * (1_000_000 / population.candidateCount)
        #expect((150_000...250_000).contains(median))
    }

    @Test("the same seed gives the same population; another seed a different one")
    func determinism() {
        let again = SyntheticPopulation(.init(candidates: 2_000, jobs: 200, seed: 1))
        let same = SyntheticPopulation(.init(candidates: 2_000, jobs: 200, seed: 1))
        let other = SyntheticPopulation(.init(candidates: 2_000, jobs: 200, seed: 2))
        #expect(again.candidateSkills == same.candidateSkills && again.jobSkills == same.jobSkills)
        #expect(again.candidateStrengths == same.candidateStrengths && again.candidateFlags == same.candidateFlags)
        #expect(again.candidateSkills != other.candidateSkills)
    }

    @Test("rows by skill hold every candidate skill once, ordered by skill then candidate")
    func rowsBySkill() {
        let population = SyntheticPopulation(.init(candidates: 3_000, jobs: 10, seed: 4))
        let rows = population.rowsBySkill()
        #expect(rows.skills.count == population.candidateSkills.count)
        let keys = zip(rows.skills, rows.candidates).map { UInt64($0) << 32 | UInt64($1) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
        let index = MatchBenchmark.buildForward(population)
        for row in stride(from: 0, to: rows.skills.count, by: 97) {
            #expect(index.value(slot: rows.candidates[row], term: rows.skills[row]) == rows.strengths[row])
        }
    }

    @Test("the benchmark agrees with a brute-force baseline and reports every figure")
    func benchmark() throws {
        var configuration = MatchBenchmark.Configuration(candidates: 2_000, jobs: 200, queries: 20, seed: 3)
        configuration.baselineQueries = 15
        configuration.warmupQueries = 2
        var phases: [String] = []
        let report = try MatchBenchmark.run(configuration, progress: { phases.append($0) }, baseline: { BruteForce(population: $0) })
        #expect(report.forwardIndex.documents == 2_000)
        #expect(report.reverseIndex.documents == 200)
        #expect(report.forwardIndex.postings == report.population.candidateSkillRows)
        #expect(report.forward.p50Milliseconds > 0 && report.forward.p50Milliseconds <= report.forward.maxMilliseconds)
        #expect(report.forwardPostingsTouched.median > 0)
        #expect((0.1...0.9).contains(report.filterPassRate))
        let baseline = try #require(report.baseline)
        #expect(baseline.queries == 15)
        #expect(baseline.agreement == 1)
        #expect(report.targets.count == 8)
        #expect(report.text.contains("Targets"))
        #expect(phases.count >= 6)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any]
        #expect(json?["forward"] != nil && json?["sqlite"] != nil && json?["targets"] != nil)
    }
}

/// Ranks every candidate directly from the population's rows: the slowest possible, obviously right baseline.
private struct BruteForce: ForwardRankingBaseline {
    let population: SyntheticPopulation

    func topK(_ query: [QueryTerm], k: Int) throws -> [ScoredSlot] {
        var scored: [ScoredSlot] = []
        for candidate in 0..<population.candidateCount {
            var score: UInt32 = 0
            for position in population.candidateStarts[candidate]..<population.candidateStarts[candidate + 1] {
                for term in query where term.term == population.candidateSkills[position] {
                    score += UInt32(term.weight) * UInt32(population.candidateStrengths[position])
                }
            }
            if score > 0 { scored.append(ScoredSlot(slot: UInt32(candidate), score: score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.slot < $1.slot }
        return Array(scored.prefix(k))
    }
}
