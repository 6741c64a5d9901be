import Foundation
import RapportCore
import RapportFormats
import RapportMatch
import RapportText

/// The formats jobs come in.
public enum JobFormat: String, CaseIterable, Sendable {
    /// schema.org `JobPosting` JSON-LD: a careers page, or the JSON-LD itself.
    case schemaOrg = "schema-org-job"
    /// The JSON Resume job schema (`job-schema.json`).
    case jsonResumeJob = "json-resume-job"

    /// JSON-LD (an HTML page, or JSON that names a `@context` or `@type`) is schema.org; other JSON is JSON Resume.
    public static func detect(_ data: Data) -> JobFormat {
        let head = String(decoding: data.prefix(4_096), as: UTF8.self)
        if head.drop(while: \.isWhitespace).first == "<" || head.contains("\"@context\"") || head.contains("\"@type\"") { return .schemaOrg }
        return .jsonResumeJob
    }
}

/// Brings jobs in from postings: reads each leniently, turns it into a job for a client found by name (or added),
/// matches it to a job an earlier import made from the same posting, and stores a file's jobs in one transaction
/// through `FirmRecords`, so they are checked and routed as the API would, all or nothing.
public struct JobImporter: Sendable {
    let records: FirmRecords
    let normalizer: SkillNormalizer
    let extractor: SkillExtractor

    public init(records: FirmRecords, taxonomy: Taxonomy) {
        self.records = records
        normalizer = SkillNormalizer(taxonomy: taxonomy)
        extractor = SkillExtractor(taxonomy: taxonomy)
    }

    /// Imports one file of postings in `format`, or in the format the file looks like.
    public func importJobs(_ file: ImportFile, format given: JobFormat? = nil, options: ImportOptions) async throws -> ImportReport {
        let format = given ?? JobFormat.detect(file.data)
        var report = ImportReport(format: format.rawValue, dryRun: options.dryRun, committed: false, records: [])
        let conversion = PostingConversion(normalizer: normalizer, extractor: extractor, desk: options.region, today: records.today)
        let postings: [(Int, Result<(PostingFacts, [FormatIssue]), FormatError>)]
        do {
            postings = try Self.postings(in: file, format: format)
        } catch {
            return ImportReport(unreadable: file, format: report.format, dryRun: options.dryRun, error)
        }
        var changes: [JobChange] = []
        var changeRecord: [Int] = []
        var seen: [String: Int] = [:]
        var clients: [String: Client?] = [:]
        for (number, read) in postings {
            var issues: [FormatIssue] = []
            var record = ImportReport.Record(file: file.name, record: number, outcome: .rejected, candidateID: nil, name: nil, email: nil,
                                             issues: [], unresolvedSkills: [])
            switch read {
            case .failure(let error):
                issues.append(FormatIssue(field: "", error.message, severity: .error))
            case .success(let (facts, readIssues)):
                issues = readIssues
                record.name = facts.title
                record.client = facts.company
                var client: Client?
                if let company = facts.company {
                    if let known = clients[company.lowercased()] {
                        client = known
                    } else {
                        client = try await records.store.client(name: company)
                        clients[company.lowercased()] = client
                    }
                }
                if let draft = conversion.draft(from: facts, client: client, issues: &issues) {
                    record.unresolvedSkills = draft.unresolvedSkills
                    let reference = facts.reference ?? Self.reference(draft.details, company: facts.company ?? "")
                    if let first = seen[reference] {
                        issues.append(FormatIssue(field: facts.pointers.title, "is the same posting as record \(first) of this file; "
                                                  + "give each posting once", severity: .error))
                    } else {
                        seen[reference] = number
                        try await plan(draft, reference: reference, record: &record, changes: &changes, issues: &issues)
                        if record.outcome == .created || record.outcome == .updated { changeRecord.append(report.records.count) }
                    }
                }
            }
            if issues.contains(where: { $0.severity == .error }) { record.outcome = .rejected }
            record.issues = issues.map(ImportReport.Issue.init)
            report.records.append(record)
        }
        try await report.commit(file, options: options, changed: changeRecord, firm: records, normalizer: normalizer,
                                store: { provenance in try await records.applyJobChanges(changes, provenance: provenance).map(\.id.rawValue) },
                                identify: { $0.jobID = $1 })
        return report
    }

    /// Decides what storing one posting means: a new job, or an update to the job an earlier import made from it
    /// (what the firm decided about that job, its owners, practice and status, stays), or nothing when unchanged.
    private func plan(_ draft: PostingConversion.Draft, reference: String, record: inout ImportReport.Record, changes: inout [JobChange],
                      issues: inout [FormatIssue]) async throws {
        guard let held = try await records.store.job(sourceReference: reference) else {
            do {
                try draft.details.validate(today: records.today)
                record.outcome = .created
                changes.append(JobChange(.create, draft.details, newClient: draft.newClient, sourceReference: reference))
            } catch {
                if case .invalid(let broken) = error { issues += broken.map { FormatIssue(field: $0.field, $0.message, severity: .error) } }
            }
            return
        }
        var details = draft.details
        details.clientID = held.details.clientID
        details.ownerIDs = held.details.ownerIDs
        details.practiceID = held.details.practiceID
        if details.status != .closed { details.status = held.details.status }
        if details.employmentType != .permanent { details.durationWeeks = held.details.durationWeeks }
        details.startDate = details.startDate ?? held.details.startDate
        issues.removeAll { $0.message.contains("is a client new to the firm") }
        do {
            try details.validate(today: records.today)
        } catch {
            if case .invalid(let broken) = error { issues += broken.map { FormatIssue(field: $0.field, $0.message, severity: .error) } }
            return
        }
        record.jobID = held.id.rawValue
        record.outcome = details == held.details ? .unchanged : .updated
        if record.outcome == .updated { changes.append(JobChange(.update(held.id, expectedVersion: held.version), details, sourceReference: reference)) }
    }

    /// A posting without its own identifier or address is known by its client, title and place.
    static func reference(_ details: JobDetails, company: String) -> String {
        "posting:" + [company, details.title, details.location.city ?? "", details.location.country]
            .map { $0.lowercased().trimmedSpaces }.joined(separator: "|")
    }

    /// Each posting of the file with its number, read into what it says, or the reason it could not be.
    static func postings(in file: ImportFile, format: JobFormat) throws(FormatError)
        -> [(Int, Result<(PostingFacts, [FormatIssue]), FormatError>)] {
        switch format {
        case .jsonResumeJob:
            return try file.records().map { number, data in
                (number, Result { () throws(FormatError) in
                    let (job, issues) = try JSONResumeJob.read(data)
                    return (PostingFacts(job), issues)
                })
            }
        case .schemaOrg:
            guard file.data.count <= ImportFile.maximumRecordBytes * 16 else {
                throw FormatError("is \(file.data.count / 1_048_576) MiB; give many postings as JSON Lines (.jsonl), one per line")
            }
            func read(_ value: JSONValue) -> Result<(PostingFacts, [FormatIssue]), FormatError> {
                Result { () throws(FormatError) in
                    let (posting, issues) = try SchemaOrgJobPosting.read(value)
                    return (PostingFacts(posting), issues)
                }
            }
            guard file.isJSONLines else { return try SchemaOrgJobPosting.postings(in: file.data).enumerated().map { ($0 + 1, read($1)) } }
            // One posting per line; a line that is no posting is refused on its own.
            var postings: [(Int, Result<(PostingFacts, [FormatIssue]), FormatError>)] = []
            for (number, data) in try file.records() {
                do {
                    postings += try SchemaOrgJobPosting.postings(in: data).map { (number, read($0)) }
                } catch {
                    postings.append((number, .failure(error)))
                }
            }
            return postings
        }
    }
}
