import Foundation
// Temporary until the outbound renderer lands.
public struct OutboundHeader: Sendable, Equatable { public var name: String; public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value } }
public struct OutboundMessage: Sendable {
    var text: String
    public init(from: MailAddress, to: [MailAddress], replyTo: [MailAddress], subject: String, messageID: String, inReplyTo: String?,
                references: [String], date: Date, text: String, html: String?, extraHeaders: [OutboundHeader]) {
        self.text = "Message-ID: <\(messageID)>\r\nSubject: \(subject)\r\n\r\n" + text
    }
    public func rendered() throws -> [UInt8] { Array(text.utf8) }
}
