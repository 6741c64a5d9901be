import Foundation
import RapportText

public typealias AttachmentID = Identifier<Attachment>

/// What an attached file is, read from its bytes when it came in; it decides how it is served back, always as a
/// download and never shown inline.
public enum AttachmentKind: String, CaseIterable, Codable, Sendable {
    case pdf
    case docx
    case text

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .text: "text/plain; charset=utf-8"
        }
    }

    /// The extension a downloaded copy is named with.
    public var fileExtension: String {
        switch self {
        case .pdf: "pdf"
        case .docx: "docx"
        case .text: "txt"
        }
    }
}

/// An original file kept with a person, such as the CV they were created from. A file uploaded for a draft that was
/// never saved belongs to nobody and is removed after a day.
public struct Attachment: Equatable, Sendable, Identifiable {
    /// The largest file kept.
    public static let maximumBytes = 10 << 20

    public var id: AttachmentID
    public var candidateID: CandidateID?
    /// The name it was uploaded with, for people; never used as a path.
    public var fileName: String
    public var kind: AttachmentKind
    public var size: Int
    /// Hex SHA-256 of the bytes, so the same file uploaded twice is known.
    public var sha256: String
    public var uploadedBy: UserID?
    public var uploadedAt: Date

    public init(id: AttachmentID, candidateID: CandidateID?, fileName: String, kind: AttachmentKind, size: Int, sha256: String,
                uploadedBy: UserID?, uploadedAt: Date) {
        self.id = id
        self.candidateID = candidateID
        self.fileName = fileName
        self.kind = kind
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }

    /// A file name safe to offer in a download: the uploaded name's letters, digits, dots, dashes and spaces, with the
    /// extension of what the file really is.
    public var downloadName: String {
        // The last part of a path a browser sent (C:\Users\ana\CV.pdf, ../../CV.pdf), without its extension.
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let stem = (last as NSString).deletingPathExtension
        let safe = String(stem.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || " ._-".unicodeScalars.contains($0) }.prefix(100))
        return (safe.trimmedSpaces.isEmpty ? "attachment" : safe) + "." + kind.fileExtension
    }
}

/// Where attached files live, bytes and all.
public protocol AttachmentStore: Sendable {
    /// Keeps a file, for a person or (with no candidate) for a draft under review.
    func saveAttachment(_ content: Data, fileName: String, kind: AttachmentKind, candidate: CandidateID?, by user: UserID?,
                        at now: Date) async throws -> Attachment
    func attachment(_ id: AttachmentID) async throws -> Attachment
    func attachmentContent(_ id: AttachmentID) async throws -> Data
    /// A person's files, newest first.
    func attachments(candidate id: CandidateID) async throws -> [Attachment]
    /// Gives a draft's file to the person saved from it.
    func attach(_ id: AttachmentID, to candidate: CandidateID) async throws -> Attachment
    /// Removes files no person was saved from, uploaded before `cutoff`; returns how many.
    func deleteUnattachedAttachments(before cutoff: Date) async throws -> Int
}
