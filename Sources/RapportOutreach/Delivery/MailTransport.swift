import Foundation
import RapportCore

/// How one delivery attempt ended, as the transport saw it.
public enum TransportResult: Sendable, Equatable {
    /// The next hop took responsibility for the message; the reply is kept for the record.
    case accepted(String)
    /// Worth trying again later: a 4xx reply, a timeout, a dropped connection.
    case transient(String)
    /// Will never work: a 5xx reply. `addressRejected` when the server refused the recipient itself.
    case permanent(String, addressRejected: Bool)
}

/// Hands rendered messages to the outside world: an SMTP server, or a folder of `.eml` files.
public protocol MailTransport: Sendable {
    /// A short description for logs and the start-up banner ("SMTP smtp.example.com:587", "folder ./mail").
    var description: String { get }
    func deliver(_ message: [UInt8], from sender: String, to recipient: String, messageID: String) async -> TransportResult
}

/// Writes each message as `<Message-ID>.eml` in a folder, so the whole flow works with no mail server and a person can open
/// what the candidate would receive. Writing the same Message-ID again replaces the file: a retry never makes a second copy.
public struct MailFolderTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.directory = directory
    }

    public var description: String { "folder \(directory.path)" }

    public func deliver(_ message: [UInt8], from sender: String, to recipient: String, messageID: String) async -> TransportResult {
        let file = directory.appendingPathComponent(Self.fileName(messageID))
        do {
            // Written whole to a temporary file and renamed, so a reader never sees half a message.
            try Data(message).write(to: file, options: .atomic)
            return .accepted("written to \(file.lastPathComponent)")
        } catch {
            return .transient("could not write \(file.path): \(error.localizedDescription)")
        }
    }

    /// A file name from a Message-ID: letters, digits, dots, dashes and underscores kept, anything else replaced.
    static func fileName(_ messageID: String) -> String {
        let safe = messageID.map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || "._-".contains($0) ? $0 : "_" }
        return String(safe) + ".eml"
    }
}
