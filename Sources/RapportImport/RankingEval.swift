import Foundation
import RapportCore
import RapportFormats
import RapportMatch

/// A gold set for the ranking: jobs and people in the import formats, and a person's judgement of each job written
/// before any tuning. EVAL.md documents the format.
public struct GoldSet: Decodable, Sendable {
    /// Where the jobs and people came from, with their licence.
    public struct Source: Decodable, Sendable {
        public var name: String
        public var url: String
        public var licence: String
        /// What was changed from the source, if anything.
        public var changes: String?
    }

    public struct Job: Decodable, Sendable {
        public var id: String
        /// A schema.org JobPosting or a JSON Resume job, as `rapport import` reads them.
        public var posting: JSONValue
    }

    public struct Person: Decodable, Sendable {
        public var id: String
        /// A JSON Resume.
        public var resume: JSONValue
        /// The desk for someone outside the four regions; US by default.
        public var region: Region?
    }

    /// How well a job suits a person: 3 a role they would pick, 2 a good one, 1 a stretch, 0 not for them; `neverShow`
    /// for a role that must not reach them at all (another profession, a deal-breaker).
    public struct Judgement: Decodable, Sendable {
        public var person: String
        public var job: String
        public var grade: Int
        public var neverShow: Bool?
    }

    public var sources: [Source]
    public var jobs: [Job]
    public var people: [Person]
    public var judgements: [Judgement]

    /// The judgements' problems, each naming the judgement: unknown ids, grades outside 0–3, the same pair twice.
    public var problems: [String] {
        let jobIDs = Set(jobs.map(\.id))
        let personIDs = Set(people.map(\.id))
        var seen: Set<String> = []
        var problems: [String] = []
        for (index, judgement) in judgements.enumerated() {
            let at = "judgements[\(index)]"
            if !personIDs.contains(judgement.person) { problems.append("\(at).person: no person \"\(judgement.person)\"") }
            if !jobIDs.contains(judgement.job) { problems.append("\(at).job: no job \"\(judgement.job)\"") }
            if !(0...3).contains(judgement.grade) { problems.append("\(at).grade: must be 0 to 3, not \(judgement.grade)") }
            if !seen.insert(judgement.person + "\u{1F}" + judgement.job).inserted {
                problems.append("\(at): \(judgement.person) × \(judgement.job) is judged twice")
            }
        }
        if Set(jobs.map(\.id)).count != jobs.count { problems.append("jobs: an id is used twice") }
        if Set(people.map(\.id)).count != people.count { problems.append("people: an id is used twice") }
        return problems
    }
}

/// One person's ranking against their judgements.
public struct RankedPerson: Encodable, Sendable {
    public var person: String
    /// The gold ids of the jobs offered to them, best first, at most ten.
    public var top: [String]
    public var precisionAt5: Double
    public var precisionAt10: Double
    /// Nil for someone judged 0 on everything: no order of their jobs is better than another.
    public var ndcgAt10: Double?
    /// Jobs judged never-show that reached the top ten.
    public var neverShown: [String]
}

/// The ranking's figures over a gold set: the means over people, and each person's.
public struct RankingEvalReport: Encodable, Sendable {
    public var people: Int
    public var jobs: Int
    public var judgements: Int
    public var precisionAt5: Double
    public var precisionAt10: Double
    public var ndcgAt10: Double
    /// Never-show jobs in anyone's top ten, all told.
    public var neverShowInTop10: Int
    /// Jobs and people the importers refused, by gold id, with why; they take no part.
    public var refused: [String]
    public var perPerson: [RankedPerson]

    public var text: String {
        var lines = [
            "Ranking against the gold set: \(people) people, \(jobs) jobs, \(judgements) judgements",
            "  P@5      \(Self.format(precisionAt5))",
            "  P@10     \(Self.format(precisionAt10))",
            "  NDCG@10  \(Self.format(ndcgAt10))",
            "  never-show jobs in a top 10: \(neverShowInTop10)",
        ]
        for person in perPerson {
            lines.append("  \(person.person): P@5 \(Self.format(person.precisionAt5)), NDCG@10 \(person.ndcgAt10.map(Self.format) ?? "—"); top: "
                         + (person.top.isEmpty ? "nothing offered" : person.top.joined(separator: ", "))
                         + (person.neverShown.isEmpty ? "" : "; never-show: " + person.neverShown.joined(separator: ", ")))
        }
        if !refused.isEmpty {
            lines.append("Refused by the importers:")
            lines += refused.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}

/// Scores one ranking against a person's judgements: a job judged 2 or 3 is relevant; NDCG gains 2^grade − 1 at
/// 1 / log2(position + 1), against the best order of their judged jobs (none for someone judged 0 on everything); an
/// unjudged job counts as grade 0.
public enum RankingMetrics {
    public static func rankedPerson(_ person: String, top: [String], grades: [String: Int], neverShow: Set<String>) -> RankedPerson {
        let top = Array(top.prefix(10))
        func precision(_ k: Int) -> Double {
            Double(top.prefix(k).filter { (grades[$0] ?? 0) >= 2 }.count) / Double(k)
        }
        func dcg(_ gradesInOrder: [Int]) -> Double {
            gradesInOrder.prefix(10).enumerated().reduce(0) { sum, item in
                sum + (pow(2, Double(item.element)) - 1) / log2(Double(item.offset) + 2)
            }
        }
        let ideal = dcg(grades.values.sorted(by: >))
        return RankedPerson(person: person, top: top, precisionAt5: precision(5), precisionAt10: precision(10),
                            ndcgAt10: ideal > 0 ? dcg(top.map { grades[$0] ?? 0 }) / ideal : nil,
                            neverShown: top.filter(neverShow.contains))
    }
}

/// Imports a gold set into an empty firm through the import formats, ranks each judged person's openings with the live
/// match index, and scores the rankings.
public struct RankingEval: Sendable {
    let records: FirmRecords
    let matching: MatchService

    /// `records` over an empty store with the standard taxonomy; `matching` over the same store.
    public init(records: FirmRecords, matching: MatchService) {
        self.records = records
        self.matching = matching
    }

    /// The first record's errors, or the report when it has no record.
    private static func why(_ report: ImportReport) -> String {
        guard let record = report.records.first else { return report.text }
        return record.issues.filter { $0.severity == "error" }.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
    }

    public func run(_ gold: GoldSet, by user: UserID) async throws -> RankingEvalReport {
        let taxonomy = try await Taxonomy.current(in: records.store)
        let importer = FirmImporter(records: records, taxonomy: taxonomy)
        var refused: [String] = []
        var jobIDs: [JobID: String] = [:]
        for job in gold.jobs {
            let file = ImportFile(name: "\(job.id).json", data: try JSONEncoder().encode(job.posting))
            let report = try await importer.run(file, options: ImportOptions(region: .us, runBy: user))
            if let id = report.records.first?.jobID, report.committed {
                jobIDs[JobID(id)] = job.id
            } else {
                refused.append("job \(job.id): " + Self.why(report))
            }
        }
        var personIDs: [String: CandidateID] = [:]
        for person in gold.people {
            let file = ImportFile(name: "\(person.id).json", data: try JSONEncoder().encode(person.resume))
            let report = try await importer.run(file, format: .jsonResume, options: ImportOptions(region: person.region ?? .us, runBy: user))
            guard let id = report.records.first?.candidateID, report.committed else {
                refused.append("person \(person.id): " + Self.why(report))
                continue
            }
            // The evaluation asks what the ranking offers, not whether the firm may write: every person has the
            // consents their desk's law asks for.
            var candidate = try await records.store.candidate(CandidateID(id))
            candidate.profile.consents = ConsentRecord.Purpose.allCases.map {
                ConsentRecord(purpose: $0, recordedAt: records.now(), method: "ranking evaluation", legalBasis: .consent)
            }
            _ = try await records.updateCandidate(candidate.id, expectedVersion: candidate.version, candidate.profile)
            personIDs[person.id] = CandidateID(id)
        }
        try await matching.load()
        var ranked: [RankedPerson] = []
        for person in gold.people {
            guard let candidateID = personIDs[person.id] else { continue }
            let mine = gold.judgements.filter { $0.person == person.id }
            guard !mine.isEmpty else { continue }
            let offered = try await matching.opportunities(for: candidateID, limit: 10).compactMap { jobIDs[$0.jobID] }
            ranked.append(RankingMetrics.rankedPerson(
                person.id, top: offered, grades: Dictionary(mine.map { ($0.job, $0.grade) }, uniquingKeysWith: max),
                neverShow: Set(mine.filter { $0.neverShow ?? false }.map(\.job))))
        }
        func mean(_ value: (RankedPerson) -> Double?) -> Double {
            let values = ranked.compactMap(value)
            return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
        return RankingEvalReport(
            people: ranked.count, jobs: jobIDs.count, judgements: gold.judgements.count, precisionAt5: mean(\.precisionAt5),
            precisionAt10: mean(\.precisionAt10), ndcgAt10: mean(\.ndcgAt10), neverShowInTop10: ranked.reduce(0) { $0 + $1.neverShown.count },
            refused: refused, perPerson: ranked)
    }
}
