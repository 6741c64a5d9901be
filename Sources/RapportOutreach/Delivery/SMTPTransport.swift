import Foundation
import RapportSMTP

/// Delivers through an SMTP server: a 2xx after DATA is acceptance; a 5xx is permanent (a refused recipient marks the
/// address undeliverable); everything else (4xx, timeouts, dropped connections, TLS trouble) is retried.
public struct SMTPTransport: MailTransport {
    public let client: SMTPClient

    public init(client: SMTPClient) {
        self.client = client
    }

    public var description: String {
        let configuration = client.configuration
        return "SMTP \(configuration.host):\(configuration.port) (\(configuration.security))"
    }

    public func deliver(_ message: [UInt8], from sender: String, to recipient: String, messageID: String) async -> TransportResult {
        do {
            let receipt = try await client.send(message, from: sender, to: [recipient])
            return .accepted("\(receipt.code) \(receipt.message)")
        } catch let error as SMTPError {
            guard error.isPermanent else { return .transient(error.description) }
            if case .recipient = error.stage { return .permanent(error.description, addressRejected: true) }
            return .permanent(error.description, addressRejected: false)
        } catch {
            return .transient(String(describing: error))
        }
    }
}
