/// The outcome of a successful delivery.
public struct SMTPReceipt: Sendable {
    /// The reply code to the end of `DATA` (a 2xx code).
    public var code: Int
    /// The enhanced status code of that reply, e.g. `"2.0.0"`, if present.
    public var enhancedCode: String?
    /// The text of that reply without the enhanced status code (often contains the server's queue id).
    public var message: String
    /// Recipients the server accepted, in the order given.
    public var acceptedRecipients: [String]
    /// Recipients the server refused; the message was delivered to the others.
    public var rejectedRecipients: [SMTPRejectedRecipient]

    public init(
        code: Int,
        enhancedCode: String?,
        message: String,
        acceptedRecipients: [String],
        rejectedRecipients: [SMTPRejectedRecipient]
    ) {
        self.code = code
        self.enhancedCode = enhancedCode
        self.message = message
        self.acceptedRecipients = acceptedRecipients
        self.rejectedRecipients = rejectedRecipients
    }
}

/// A recipient refused at `RCPT TO` while others were accepted.
public struct SMTPRejectedRecipient: Sendable, Hashable {
    /// The refused address.
    public var address: String
    /// The reply code to its `RCPT TO`.
    public var code: Int
    /// The enhanced status code of that reply, e.g. `"5.1.1"`, if present.
    public var enhancedCode: String?
    /// The reply text without the enhanced status code.
    public var message: String

    public init(address: String, code: Int, enhancedCode: String?, message: String) {
        self.address = address
        self.code = code
        self.enhancedCode = enhancedCode
        self.message = message
    }

    /// `true` for 5xx replies; 4xx rejections may succeed when retried.
    public var isPermanent: Bool { (500..<600).contains(code) }
}
