import RapportCore
import RapportFormats
import RapportImport

/// A CV read into a draft person: the file kept (for nobody yet), and the draft as JSON Resume, for a person to correct
/// and send to `POST /api/v1/imports?attachment=ID`, which stores them with the file.
public struct CVDraftDocument: Encodable, Sendable {
    public struct FoundSkill: Encodable, Sendable {
        public var name: String
        public var evidence: String
    }

    public var attachmentID: AttachmentID
    public var fileName: String
    public var kind: AttachmentKind
    public var draft: JSONValue
    public var skills: [FoundSkill]

    public init(attachment: Attachment, draft: CVDraft) {
        attachmentID = attachment.id
        fileName = attachment.fileName
        kind = attachment.kind
        self.draft = draft.resume
        skills = draft.evidence.map { FoundSkill(name: $0.name, evidence: $0.evidence) }
    }
}
