import Foundation
import RapportCore
import RapportFormats
import RapportMatch
import RapportText

/// What an import did, or would do on a dry run, record by record: created, updated, unchanged or rejected, each with
/// what was salvaged or refused and where.
public struct ImportReport: Sendable, Codable, Equatable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case created
        case updated
        case unchanged
        case rejected
    }

    public struct Issue: Sendable, Codable, Equatable {
        /// A JSON pointer into the record ("/work/0/startDate"), or a Rapport field name for a rule it broke.
        public var field: String
        public var message: String
        /// "warning": kept in a corrected form or left out while the record was kept; "error": the record was refused.
        public var severity: String

        init(_ issue: FormatIssue) {
            field = issue.field
            message = issue.message
            severity = issue.severity.rawValue
        }
    }

    public struct Record: Sendable, Codable, Equatable {
        /// The file, and the record within it: a line of JSON Lines or an entry of a list, counted from 1.
        public var file: String
        public var record: Int
        public var outcome: Outcome
        public var candidateID: Int64?
        /// The person's name, or the job's title.
        public var name: String?
        public var email: String?
        public var issues: [Issue]
        /// Skill names the taxonomy does not know: kept on the person, or left out of the job; either way added to
        /// the curators' list.
        public var unresolvedSkills: [String]
        public var jobID: Int64? = nil
        /// The client a job is for.
        public var client: String? = nil
        /// People already held whom this person may be (the same phone, or the same name and profile link): reported,
        /// never merged.
        public var likelyDuplicates: [Duplicate] = []
    }

    public struct Duplicate: Sendable, Codable, Equatable {
        public var candidateID: Int64
        public var name: String
        public var reason: String
    }

    public var format: String
    public var dryRun: Bool
    /// True when the valid records were stored; false on a dry run, or when an error stopped the file.
    public var committed: Bool
    public var records: [Record]
    /// Why nothing was stored, when records were refused and `--commit-valid` was not given.
    public var stopped: String?
    /// What was decided about the file as a whole: its encoding and delimiter, which columns fill which fields.
    public var notes: [String] = []

    public func count(_ outcome: Outcome) -> Int { records.count { $0.outcome == outcome } }

    /// The report as a person reads it on a terminal.
    public var text: String {
        var lines: [String] = []
        for record in records {
            let who = [record.name, record.email.map { "<\($0)>" }, record.client.map { "at \($0)" }].compactMap { $0 }.joined(separator: " ")
            let id = record.candidateID.map { " as candidate \($0)" } ?? record.jobID.map { " as job \($0)" } ?? ""
            lines.append("\(record.file) #\(record.record): \(record.outcome.rawValue)\(id) \(who)".trimmedSpaces)
            for issue in record.issues { lines.append("  \(issue.severity)\(issue.field.isEmpty ? "" : " " + issue.field): \(issue.message)") }
            if !record.unresolvedSkills.isEmpty {
                let kept = record.jobID == nil && record.client == nil ? "kept as written" : "left out of the job"
                lines.append("  skills not in the taxonomy, \(kept): \(record.unresolvedSkills.joined(separator: ", "))")
            }
        }
        lines += notes
        let counts = Outcome.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        lines.append(dryRun ? "Dry run, nothing stored: \(counts)." : committed ? "Stored: \(counts)." : "Nothing stored (it would have been \(counts)).")
        if let stopped { lines.append(stopped) }
        return lines.joined(separator: "\n")
    }
}

extension ImportReport {
    /// The report on a file that could not be read at all.
    init(unreadable file: ImportFile, format: String, dryRun: Bool, _ error: FormatError) {
        self.init(format: format, dryRun: dryRun, committed: false, records: [
            Record(file: file.name, record: 1, outcome: .rejected, candidateID: nil, name: nil, email: nil,
                   issues: [Issue(FormatIssue(field: "", error.message, severity: .error))], unresolvedSkills: []),
        ])
        stopped = "The file could not be read: \(error.message)."
    }

    /// Stores what the records planned, in one call of `store` (which returns the stored ids in order), unless a
    /// refused record stops the file or this is a dry run; then puts each id on its record with `identify`, and adds
    /// the unknown skill names to the curators' list, counted like those typed into forms.
    mutating func commit(_ file: ImportFile, options: ImportOptions, changed: [Int], firm: FirmRecords, normalizer: SkillNormalizer,
                         store: (ImportProvenance) async throws -> [Int64], identify: (inout Record, Int64) -> Void) async throws {
        if stopsFile(options) {
            markStopped(file)
            return
        }
        guard !options.dryRun, !changed.isEmpty else {
            committed = !options.dryRun
            return
        }
        let provenance = ImportProvenance(format: format, fileName: file.name, runBy: options.runBy, records: changed.map { records[$0].record })
        let ids = try await store(provenance)
        for (position, id) in zip(changed, ids) { identify(&records[position], id) }
        try await recordUnresolvedSkills(of: changed, firm: firm, normalizer: normalizer)
        committed = true
    }

    /// Whether a refused record stops the whole file: unless `--commit-valid` was given.
    func stopsFile(_ options: ImportOptions) -> Bool { count(.rejected) > 0 && !options.commitValid }

    mutating func markStopped(_ file: ImportFile) {
        let rejected = count(.rejected)
        stopped = "\(rejected) record\(rejected == 1 ? " was" : "s were") refused, so nothing in \(file.name) was stored; "
            + "correct \(rejected == 1 ? "it" : "them"), or store the rest with --commit-valid."
    }

    /// Adds the unknown skill names of the stored records to the curators' list, counted like those typed into forms.
    func recordUnresolvedSkills(of stored: [Int], firm: FirmRecords, normalizer: SkillNormalizer) async throws {
        var unresolved: [(key: String, example: String)] = []
        for position in stored {
            for text in records[position].unresolvedSkills {
                if case .unresolved(let key)? = normalizer.resolve(text) { unresolved.append((key, text)) }
            }
        }
        if !unresolved.isEmpty { try await firm.store.recordUnresolvedSkills(unresolved, at: firm.now()) }
    }
}
