import Foundation
import RapportOutreach
import RapportSMTP

/// The transport `serve` delivers through: SMTP when a server is given, else a folder of `.eml` files.
enum MailTransports {
    static func make(_ options: MailOptions, database: String) throws -> any MailTransport {
        guard let host = options.smtpHost else {
            let folder = options.folder(database: database)
            do {
                return try MailFolderTransport(directory: folder)
            } catch {
                throw CLIError("cannot create the mail folder \(folder.path): \(error.localizedDescription)")
            }
        }
        let security: SMTPSecurity = switch options.smtpSecurity {
        case "tls": .tls
        case "none": .none
        default: .startTLS
        }
        var credentials: SMTPCredentials?
        if let user = options.smtpUser {
            guard let password = ProcessInfo.processInfo.environment["RAPPORT_SMTP_PASSWORD"], !password.isEmpty else {
                throw CLIError("--smtp-user needs the password in the environment variable RAPPORT_SMTP_PASSWORD")
            }
            credentials = SMTPCredentials(username: user, password: password)
        }
        let configuration = SMTPConfiguration(
            host: host, port: options.smtpPort, security: security, credentials: credentials,
            trustRoots: options.smtpCA.map { .certificateFile(path: $0) } ?? .system)
        do {
            try configuration.validate()
        } catch {
            throw CLIError("the SMTP settings are not usable: \(error)")
        }
        return SMTPTransport(client: SMTPClient(configuration: configuration))
    }
}
