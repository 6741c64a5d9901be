import Foundation

/// Where imported records came from: one run of an importer over one file, by whom, and which record of the file
/// each stored change was. Kept with the people it touched, so "where did this come from?" has an answer.
public struct ImportProvenance: Sendable, Equatable {
    /// "json-resume", "schema-org-job".
    public var format: String
    public var fileName: String
    public var runBy: UserID?
    /// For each change, in order, its record in the file (a line of JSON Lines, an entry of a list), from 1.
    public var records: [Int]
    /// For each change, in the same order, the notes its record brought from the old system (none when empty); a
    /// note the person already has is not stored twice.
    public var notes: [[NoteDraft]]

    public init(format: String, fileName: String, runBy: UserID?, records: [Int], notes: [[NoteDraft]] = []) {
        self.format = format
        self.fileName = fileName
        self.runBy = runBy
        self.records = records
        self.notes = notes
    }
}

/// One import that touched a person or a job, as their record shows it.
public struct ImportedRecord: Sendable, Equatable {
    public enum Outcome: String, Sendable, Codable {
        case created
        case updated
    }

    public var format: String
    public var fileName: String
    public var record: Int
    public var outcome: Outcome
    public var runBy: UserID?
    public var at: Date

    public init(format: String, fileName: String, record: Int, outcome: Outcome, runBy: UserID?, at: Date) {
        self.format = format
        self.fileName = fileName
        self.record = record
        self.outcome = outcome
        self.runBy = runBy
        self.at = at
    }
}
