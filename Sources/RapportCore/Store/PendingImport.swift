import Foundation

/// A file uploaded to the web import page: checked in a dry run, and kept until the person who uploaded it stores it
/// or leaves it (a day at most), so that confirming stores exactly what the report was about.
public struct PendingImport: Sendable, Equatable {
    /// A random token naming it in the confirm form.
    public var token: String
    public var fileName: String
    /// The format chosen, or nil for the one the file looks like.
    public var format: String?
    public var region: Region?
    public var commitValid: Bool
    /// A CSV column mapping, when one was given.
    public var mapping: Data?
    public var content: Data
    public var uploadedBy: UserID
    public var uploadedAt: Date

    public init(token: String, fileName: String, format: String?, region: Region?, commitValid: Bool, mapping: Data?, content: Data,
                uploadedBy: UserID, uploadedAt: Date) {
        self.token = token
        self.fileName = fileName
        self.format = format
        self.region = region
        self.commitValid = commitValid
        self.mapping = mapping
        self.content = content
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}

/// Where uploads wait between their dry run and their confirmation.
public protocol PendingImportStore: Sendable {
    func savePendingImport(_ pending: PendingImport) async throws
    /// The upload of that token, or nil when there is none (stored, abandoned or cleared).
    func pendingImport(token: String) async throws -> PendingImport?
    func deletePendingImport(token: String) async throws
    /// Clears uploads made before `cutoff`; returns how many.
    func deletePendingImports(before cutoff: Date) async throws -> Int
}
