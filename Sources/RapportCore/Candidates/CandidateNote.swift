import Foundation

/// A note about a person that came with them from the system a firm moved off: kept with its author and date as that
/// system had them, and shown on their timeline, so years of a relationship are not lost in the move.
public struct CandidateNote: Equatable, Sendable {
    public var candidateID: CandidateID
    public var note: NoteDraft
    /// The file it came in, and when it was stored.
    public var fileName: String?
    public var storedAt: Date

    public init(candidateID: CandidateID, note: NoteDraft, fileName: String?, storedAt: Date) {
        self.candidateID = candidateID
        self.note = note
        self.fileName = fileName
        self.storedAt = storedAt
    }
}

/// A note as a source states it.
public struct NoteDraft: Hashable, Sendable {
    public static let maximumLength = 10_000

    /// Who wrote it, as the source names them; empty when it did not say.
    public var author: String
    /// When it was written; nil when the source did not say. A day without a time is midday UTC of that day.
    public var writtenAt: Date?
    public var text: String

    public init(author: String, writtenAt: Date?, text: String) {
        self.author = author
        self.writtenAt = writtenAt
        self.text = text
    }
}
