import Foundation
import RapportOutreach

/// The transport `serve` delivers through: SMTP when a server is given, else a folder of `.eml` files.
enum MailTransports {
    static func make(_ options: MailOptions, database: String) throws -> any MailTransport {
        let folder = options.folder(database: database)
        do {
            return try MailFolderTransport(directory: folder)
        } catch {
            throw CLIError("cannot create the mail folder \(folder.path): \(error.localizedDescription)")
        }
    }
}
