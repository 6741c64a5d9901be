import Foundation
import RapportCore
import RapportFormats

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
        public var name: String?
        public var email: String?
        public var issues: [Issue]
        /// Skill names the taxonomy does not know; kept on the person.
        public var unresolvedSkills: [String]
    }

    public var format: String
    public var dryRun: Bool
    /// True when the valid records were stored; false on a dry run, or when an error stopped the file.
    public var committed: Bool
    public var records: [Record]
    /// Why nothing was stored, when records were refused and `--commit-valid` was not given.
    public var stopped: String?

    public func count(_ outcome: Outcome) -> Int { records.count { $0.outcome == outcome } }

    /// The report as a person reads it on a terminal.
    public var text: String {
        var lines: [String] = []
        for record in records {
            let who = [record.name, record.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
            let id = record.candidateID.map { " as candidate \($0)" } ?? ""
            lines.append("\(record.file) #\(record.record): \(record.outcome.rawValue)\(id) \(who)".trimmingCharacters(in: .whitespaces))
            for issue in record.issues { lines.append("  \(issue.severity) \(issue.field): \(issue.message)") }
            if !record.unresolvedSkills.isEmpty {
                lines.append("  skills not in the taxonomy, kept as written: \(record.unresolvedSkills.joined(separator: ", "))")
            }
        }
        let counts = Outcome.allCases.map { "\(count($0)) \($0.rawValue)" }.joined(separator: ", ")
        lines.append(dryRun ? "Dry run, nothing stored: \(counts)." : committed ? "Stored: \(counts)." : "Nothing stored (it would have been \(counts)).")
        if let stopped { lines.append(stopped) }
        return lines.joined(separator: "\n")
    }
}
