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
    /// For each change, in the same order, what its record brought besides the profile (none when empty).
    public var extras: [ImportedExtras]

    public init(format: String, fileName: String, runBy: UserID?, records: [Int], extras: [ImportedExtras] = []) {
        self.format = format
        self.fileName = fileName
        self.runBy = runBy
        self.records = records
        self.extras = extras
    }
}

/// What an imported person's record brings from the system it comes from besides their profile.
public struct ImportedExtras: Sendable, Equatable {
    /// The old system's notes; a note the person already has is not stored twice.
    public var notes: [NoteDraft]
    /// The person's ids in the systems the firm imports from, by which a later import finds them again; an id held
    /// for someone else is refused before anything is stored.
    public var externalIDs: [ExternalID]

    public init(notes: [NoteDraft] = [], externalIDs: [ExternalID] = []) {
        self.notes = notes
        self.externalIDs = externalIDs
    }
}

/// A person's id in another system: "C-1042" in the old applicant-tracking system `source`.
public struct ExternalID: Hashable, Sendable, CustomStringConvertible {
    /// The system, as the import names it ("bullhorn", or the id column's header); compared without regard to case.
    public var source: String
    public var value: String

    public init(source: String, value: String) {
        self.source = source
        self.value = value
    }

    public var description: String { "\(source) \(value)" }
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
