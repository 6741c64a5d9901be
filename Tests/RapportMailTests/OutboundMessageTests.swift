import Foundation
import Testing
@testable import RapportMail

// MARK: - Fixtures

/// Sat, 28 Nov 2026 09:05:03 +0000.
private let fixedDate = Date(timeIntervalSince1970: 1_795_856_703)

private let longLine = String(repeating: "Rapport keeps every candidate conversation in one thread. ", count: 5)

private let sampleText = [
    "Hi Zoë,",
    "",
    longLine,
    "This line ends with spaces   ",
    "Rates: 1 + 1 = 2, and a=b is not a header.",
    "From the team at Rapport — merci beaucoup!",
    "Best, Sam",
].joined(separator: "\n")

private let sampleHTML = """
    <html><body><p>您好，Zoë！我们正在为一个高级 iOS 职位寻找候选人，想和您聊一聊。</p>
    <p style="color: #333">From Rapport — 谢谢</p></body></html>
    """

private func unsubscribeHeaders() throws -> [OutboundMessage.ExtraHeader] {
    [
        try OutboundMessage.ExtraHeader(
            name: "List-Unsubscribe",
            value: "<https://rapport.example/u/3f9c1e2a8b7d4c6e9f0a?c=ios-2026>, "
                + "<mailto:unsubscribe+3f9c1e2a@rapport.example?subject=unsubscribe>"
        ),
        try OutboundMessage.ExtraHeader(name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click"),
        try OutboundMessage.ExtraHeader(name: "X-Rapport-Outreach", value: "campaign=ios-senior-2026; step=2"),
    ]
}

private func sampleMessage(html: String? = sampleHTML) throws -> OutboundMessage {
    OutboundMessage(
        from: MailAddress(name: "Zoë O'Brien, PhD", address: "zoe@rapport.example"),
        to: [MailAddress(name: "Jürgen Müller", address: "juergen.mueller@contoso.de"), MailAddress(address: "ops@contoso.de")],
        replyTo: [MailAddress(name: "Rapport Replies", address: "jobs+r_abc123@rapport.example")],
        subject: "Re: Café chat 🎉 about the Senior iOS role — naïve façade, résumé & crème brûlée",
        messageID: "outreach-42.step-2@rapport.example",
        inReplyTo: "CAJx9f=abc123+XyZ@mail.gmail.com",
        references: (1...12).map { "thread-\($0).3f9c1e2a-8b7d-4c6e@rapport.example" } + ["CAJx9f=abc123+XyZ@mail.gmail.com"],
        date: fixedDate,
        text: sampleText,
        html: html,
        extraHeaders: try unsubscribeHeaders()
    )
}

// MARK: - Helpers

private let crlfBytes: [UInt8] = [0x0D, 0x0A]

/// The rendered message split at CRLF (the final empty piece after the last CRLF dropped).
private func lines(_ bytes: [UInt8]) -> [String] {
    var result = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    if result.last == "" { result.removeLast() }
    return result
}

/// Lines before and after the first empty line.
private func headerAndBodyLines(_ bytes: [UInt8]) throws -> (header: [String], body: [String]) {
    let all = lines(bytes)
    let separator = try #require(all.firstIndex(of: ""))
    return (Array(all[..<separator]), Array(all[(separator + 1)...]))
}

/// Header field names in order (continuation lines skipped).
private func headerNames(_ bytes: [UInt8]) throws -> [String] {
    try headerAndBodyLines(bytes).header
        .filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }
        .compactMap { $0.split(separator: ":", maxSplits: 1).first.map(String.init) }
}

private func multipartBoundary(of bytes: [UInt8]) throws -> String {
    let parsed = try InboundMessage.parse(Data(bytes))
    let contentType = try #require(parsed.headers["Content-Type"])
    return try #require(MIMEDecoding.parseParameterized(contentType).parameters["boundary"])
}

// MARK: - Round trip

@Suite("Outbound message rendering")
struct OutboundMessageTests {
    @Test("Multipart message round-trips through InboundMessage.parse")
    func multipartRoundTrip() throws {
        let message = try sampleMessage()
        let parsed = try InboundMessage.parse(try message.renderedData())

        #expect(parsed.subject == message.subject)
        #expect(parsed.from == message.from)
        #expect(parsed.to == message.to)
        #expect(parsed.replyTo == message.replyTo)
        #expect(parsed.messageID == message.messageID)
        #expect(parsed.inReplyTo == [try #require(message.inReplyTo)])
        #expect(parsed.references == message.references)
        #expect(parsed.date == fixedDate)
        #expect(parsed.textBody == message.text)
        #expect(parsed.htmlBody == message.html)
        #expect(parsed.headers["X-Rapport-Outreach"] == "campaign=ios-senior-2026; step=2")
        #expect(parsed.headers["List-Unsubscribe"] == message.extraHeaders[0].value)
    }

    @Test("Without HTML the body is a single quoted-printable text/plain part")
    func singlePartRoundTrip() throws {
        let message = try sampleMessage(html: nil)
        let rendered = try message.rendered()
        let parsed = try InboundMessage.parse(Data(rendered))

        #expect(parsed.headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(parsed.headers["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(parsed.textBody == message.text)
        #expect(parsed.htmlBody == nil)
        #expect(!String(decoding: rendered, as: UTF8.self).contains("multipart"))
    }

    @Test("Line breaks of any style in the text arrive as line breaks")
    func lineBreakStyles() throws {
        var message = try sampleMessage(html: nil)
        message.text = "one\r\ntwo\rthree\nfour"
        let parsed = try InboundMessage.parse(Data(try message.rendered()))
        #expect(parsed.textBody == "one\ntwo\nthree\nfour")
    }

    // MARK: Wire format

    @Test("Lines stay within 998 bytes, header lines within 78 and body lines within 78")
    func lineLengths() throws {
        let rendered = try sampleMessage().rendered(boundary: "b0undary")
        #expect(lines(rendered).allSatisfy { $0.utf8.count <= 998 })
        let (header, body) = try headerAndBodyLines(rendered)
        #expect(header.count > 13, "long headers should have been folded")
        for line in header {
            #expect(line.utf8.count <= 78, "header line too long: \(line)")
        }
        #expect(body.count > 10)
        for line in body {
            #expect(line.utf8.count <= 78, "body line too long: \(line)")
        }
    }

    @Test("An unbreakable run longer than 78 characters gets a line of its own")
    func unbreakableRun() throws {
        var message = try sampleMessage()
        let url = "<https://rapport.example/unsubscribe/" + String(repeating: "3f9c1e2a", count: 12) + ">"
        message.extraHeaders = [try OutboundMessage.ExtraHeader(name: "List-Unsubscribe", value: "\(url), <mailto:u@rapport.example>")]
        let header = try headerAndBodyLines(try message.rendered()).header
        let start = try #require(header.firstIndex(of: "List-Unsubscribe:"))
        #expect(header[start + 1] == " \(url),")
        #expect(header[start + 2] == " <mailto:u@rapport.example>")
    }

    @Test("An unbreakable run over 998 characters is refused rather than sent")
    func overlongHeader() throws {
        var message = try sampleMessage()
        message.extraHeaders = [try OutboundMessage.ExtraHeader(name: "X-Token", value: String(repeating: "a", count: 1_000))]
        #expect(throws: OutboundMessageError.lineTooLong(header: "X-Token")) { try message.rendered() }
    }

    @Test("Output is 7-bit ASCII with CRLF line endings only")
    func asciiAndCRLF() throws {
        let bytes = try sampleMessage().rendered()
        #expect(bytes.allSatisfy { $0 < 0x80 })
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D, "bare LF at \(index)") }
            if byte == 0x0D { #expect(index + 1 < bytes.count && bytes[index + 1] == 0x0A, "bare CR at \(index)") }
        }
        #expect(Array(bytes.suffix(2)) == crlfBytes)
    }

    @Test("Headers appear in the documented order, extra headers in their given order")
    func headerOrder() throws {
        let names = try headerNames(try sampleMessage().rendered())
        #expect(names == [
            "Date", "From", "To", "Reply-To", "Subject", "Message-ID", "In-Reply-To", "References", "MIME-Version",
            "List-Unsubscribe", "List-Unsubscribe-Post", "X-Rapport-Outreach", "Content-Type",
        ])
    }

    @Test("Optional headers are left out when empty")
    func optionalHeadersOmitted() throws {
        var message = try sampleMessage(html: nil)
        message.replyTo = []
        message.inReplyTo = nil
        message.references = []
        message.extraHeaders = []
        let names = try headerNames(try message.rendered())
        #expect(names == ["Date", "From", "To", "Subject", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
    }

    @Test("Date header is RFC 5322 in UTC", arguments: [
        (1_795_856_703.0, "Sat, 28 Nov 2026 09:05:03 +0000"),
        (1_795_856_703.9, "Sat, 28 Nov 2026 09:05:03 +0000"),
        (0.0, "Thu, 1 Jan 1970 00:00:00 +0000"),
        (-1.0, "Wed, 31 Dec 1969 23:59:59 +0000"),
        (-0.5, "Wed, 31 Dec 1969 23:59:59 +0000"),
        (1_709_251_199.0, "Thu, 29 Feb 2024 23:59:59 +0000"),
        (951_868_800.0, "Wed, 1 Mar 2000 00:00:00 +0000"),
    ])
    func dateHeader(seconds: Double, expected: String) throws {
        var message = try sampleMessage()
        message.date = Date(timeIntervalSince1970: seconds)
        let header = try headerAndBodyLines(try message.rendered()).header
        #expect(header.first == "Date: \(expected)")
        #expect(MailDate.parse(expected) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    // MARK: Header encoding

    @Test("Non-ASCII subjects become encoded-words of at most 75 characters, separated by folding whitespace")
    func encodedSubject() throws {
        var message = try sampleMessage()
        message.subject = String(repeating: "Zoë, ça va? 🎉 ", count: 8) + "fin"
        let header = try headerAndBodyLines(try message.rendered()).header
        let start = try #require(header.firstIndex { $0.hasPrefix("Subject: ") })
        let subjectLines = [header[start]] + header[(start + 1)...].prefix { $0.hasPrefix(" ") }
        let words = subjectLines.joined().split(separator: " ").filter { $0.hasPrefix("=?") }

        #expect(subjectLines.count > 1)
        #expect(words.count > 2)
        for word in words {
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            #expect(word.count <= 75)
        }
        #expect(try InboundMessage.parse(Data(try message.rendered())).subject == message.subject)
    }

    @Test("ASCII words around encoded text stay readable")
    func mixedSubject() throws {
        var message = try sampleMessage()
        message.subject = "Re: Senior iOS role — café chat?"
        let header = try headerAndBodyLines(try message.rendered()).header
        let subject = try #require(header.first { $0.hasPrefix("Subject: ") })
        #expect(subject.hasPrefix("Subject: Re: Senior iOS role =?UTF-8?B?"))
        #expect(subject.hasSuffix("?= chat?"))
    }

    @Test("Text that looks like an encoded-word is encoded so it is not decoded on arrival")
    func literalEncodedWordSyntax() throws {
        var message = try sampleMessage()
        message.subject = "Try =?UTF-8?B?SGk=?= literally"
        #expect(try InboundMessage.parse(Data(try message.rendered())).subject == message.subject)
    }

    @Test("Display names are atoms, quoted strings or encoded-words as needed", arguments: [
        ("Sam Recruiter", "Sam Recruiter <sam@rapport.example>"),
        ("Recruiter, Sam", "\"Recruiter, Sam\" <sam@rapport.example>"),
        ("Sam J. \"SJ\" O\\Brien", #""Sam J. \"SJ\" O\\Brien" <sam@rapport.example>"#),
        ("", "sam@rapport.example"),
    ])
    func displayNames(name: String, expected: String) throws {
        var message = try sampleMessage()
        message.from = MailAddress(name: name, address: "sam@rapport.example")
        let header = try headerAndBodyLines(try message.rendered()).header
        #expect(header.contains("From: \(expected)"))
        let parsed = try InboundMessage.parse(Data(try message.rendered()))
        #expect(parsed.from == MailAddress(name: name.isEmpty ? nil : name, address: "sam@rapport.example"))
    }

    @Test("A display name with specials and non-ASCII is encoded whole")
    func encodedDisplayName() throws {
        let header = try headerAndBodyLines(try sampleMessage().rendered()).header
        let from = try #require(header.first { $0.hasPrefix("From: ") })
        #expect(from.hasPrefix("From: =?UTF-8?B?"))
        #expect(from.hasSuffix("?= <zoe@rapport.example>"))
        #expect(!from.contains(","))
    }

    @Test("Long References and List-Unsubscribe fold at whitespace and unfold to the original value")
    func folding() throws {
        let message = try sampleMessage()
        let rendered = try message.rendered()
        let header = try headerAndBodyLines(rendered).header
        let unsubscribe = try #require(header.firstIndex { $0.hasPrefix("List-Unsubscribe: ") })
        #expect(header[unsubscribe + 1].hasPrefix(" <mailto:"))

        let parsed = try InboundMessage.parse(Data(rendered))
        #expect(parsed.headers["List-Unsubscribe"] == message.extraHeaders[0].value)
        #expect(parsed.headers["References"] == message.references.map { "<\($0)>" }.joined(separator: " "))
    }

    // MARK: Validation

    @Test("An extra header value with CR or LF is refused, naming the header", arguments: [
        "value\r\nBcc: victim@example.com", "value\nX-Injected: 1", "value\r", "café",
    ])
    func extraHeaderValueRefused(value: String) {
        #expect(throws: OutboundMessageError.invalidHeaderValue(header: "X-Rapport-Outreach")) {
            try OutboundMessage.ExtraHeader(name: "X-Rapport-Outreach", value: value)
        }
        #expect(OutboundMessageError.invalidHeaderValue(header: "X-Rapport-Outreach").description.contains("X-Rapport-Outreach"))
    }

    @Test("Extra header names must be RFC 5322 field names", arguments: ["", "X Rapport", "X:Rapport", "X-Räpport", "X-\u{7F}"])
    func extraHeaderNameRefused(name: String) {
        #expect(throws: OutboundMessageError.invalidHeaderName(name)) {
            try OutboundMessage.ExtraHeader(name: name, value: "1")
        }
    }

    @Test("Headers the message writes itself cannot be added again", arguments: ["Subject", "content-type", "MIME-Version"])
    func reservedExtraHeader(name: String) {
        #expect(throws: OutboundMessageError.reservedHeader(name)) {
            try OutboundMessage.ExtraHeader(name: name, value: "x")
        }
    }

    @Test("A subject with a line break is refused")
    func subjectInjection() throws {
        var message = try sampleMessage()
        message.subject = "Hello\r\nBcc: victim@example.com"
        #expect(throws: OutboundMessageError.invalidHeaderValue(header: "Subject")) { try message.rendered() }
    }

    @Test("An invalid Message-ID is refused", arguments: [
        "<outreach-42@rapport.example>", "outreach-42", "outreach 42@rapport.example", "@rapport.example", "outreach-42@",
        "a@b@c", "outreach..42@rapport.example", "outreach-42@[rapport]", "",
    ])
    func invalidMessageID(id: String) throws {
        var message = try sampleMessage()
        message.messageID = id
        #expect(throws: OutboundMessageError.invalidMessageID(header: "Message-ID", id: id)) { try message.rendered() }
    }

    @Test("Referenced ids must survive angle brackets")
    func invalidReferences() throws {
        var message = try sampleMessage()
        message.references = ["ok@example.com", "bad id@example.com"]
        #expect(throws: OutboundMessageError.invalidMessageID(header: "References", id: "bad id@example.com")) { try message.rendered() }
        message.references = []
        message.inReplyTo = "a>b@example.com"
        #expect(throws: OutboundMessageError.invalidMessageID(header: "In-Reply-To", id: "a>b@example.com")) { try message.rendered() }
    }

    @Test("Invalid addresses and display names with line breaks are refused")
    func invalidAddresses() throws {
        var message = try sampleMessage()
        message.to = [MailAddress(address: "victim@example.com>, <other@example.com")]
        #expect(throws: OutboundMessageError.invalidAddress(header: "To", mailbox: message.to[0].description)) { try message.rendered() }

        message = try sampleMessage()
        message.from = MailAddress(name: "Sam\r\nBcc: victim@example.com", address: "sam@rapport.example")
        #expect(throws: OutboundMessageError.invalidAddress(header: "From", mailbox: message.from.description)) { try message.rendered() }

        message = try sampleMessage()
        message.to = []
        #expect(throws: OutboundMessageError.missingRecipient) { try message.rendered() }
    }

    // MARK: Boundary

    @Test("The random boundary does not occur in the parts, and delimits exactly two parts")
    func randomBoundary() throws {
        let rendered = try sampleMessage().rendered()
        let boundary = try multipartBoundary(of: rendered)
        let body = try headerAndBodyLines(rendered).body
        let delimiters = body.filter { $0.hasPrefix("--\(boundary)") }
        let content = body.filter { !$0.hasPrefix("--\(boundary)") }

        #expect(boundary.hasPrefix("=_Rapport_"))
        #expect(delimiters == ["--\(boundary)", "--\(boundary)", "--\(boundary)--"])
        #expect(content.count > 10)
        #expect(!content.contains { $0.contains(boundary) })
    }

    @Test("Each rendering draws a new boundary; nothing else changes")
    func onlyBoundaryIsRandom() throws {
        let message = try sampleMessage()
        let first = String(decoding: try message.rendered(), as: UTF8.self)
        let second = String(decoding: try message.rendered(), as: UTF8.self)
        let firstBoundary = try multipartBoundary(of: Array(first.utf8))
        let secondBoundary = try multipartBoundary(of: Array(second.utf8))
        #expect(firstBoundary != secondBoundary)
        #expect(first.replacingOccurrences(of: firstBoundary, with: "B") == second.replacingOccurrences(of: secondBoundary, with: "B"))
    }

    @Test("A fixed boundary gives byte-identical output")
    func fixedBoundary() throws {
        let message = try sampleMessage()
        let rendered = try message.rendered(boundary: "rapport-test-boundary")
        #expect(try message.rendered(boundary: "rapport-test-boundary") == rendered)
        #expect(try multipartBoundary(of: rendered) == "rapport-test-boundary")
    }

    @Test("A boundary found in the content is skipped for the next candidate, or refused when fixed")
    func boundaryCollision() throws {
        var message = try sampleMessage()
        message.text = "This line mentions collide-me on purpose."

        let rendered = try message.rendered(boundaryCandidates: ["collide-me", "safe-boundary"])
        #expect(try multipartBoundary(of: rendered) == "safe-boundary")
        #expect(throws: OutboundMessageError.boundaryInContent("collide-me")) { try message.rendered(boundary: "collide-me") }
        #expect(throws: OutboundMessageError.invalidBoundary("has space")) { try message.rendered(boundary: "has space") }
    }
}

// MARK: - Quoted-printable

@Suite("Quoted-printable encoding")
struct QuotedPrintableTests {
    @Test("Long lines get soft breaks within 76 characters and decode back")
    func softBreaks() throws {
        let encoded = MIMEEncoding.quotedPrintable(longLine)
        let physical = encoded.components(separatedBy: "\r\n")
        #expect(physical.count > 3)
        #expect(physical.allSatisfy { $0.utf8.count <= 76 })
        #expect(physical.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(decode(encoded) == longLine)
    }

    @Test("Soft breaks never split an escape sequence", arguments: ["é", "中", "🎉", "=", "a é"])
    func escapesStayWhole(unit: String) {
        let text = String(repeating: unit, count: 60)
        let encoded = MIMEEncoding.quotedPrintable(text)
        let physical = encoded.components(separatedBy: "\r\n")
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 76 })
        #expect(decode(encoded) == text)
    }

    @Test("Special bytes are escaped", arguments: [
        ("a=b", "a=3Db"),
        ("café", "caf=C3=A9"),
        ("trailing  \nnext", "trailing =20\r\nnext"),
        ("tab\t", "tab=09"),
        ("From here\nFrom there", "=46rom here\r\n=46rom there"),
        ("Fromage\nsaid From x", "Fromage\r\nsaid From x"),
        (". leading dot", ". leading dot"),
    ])
    func escapes(text: String, expected: String) {
        #expect(MIMEEncoding.quotedPrintable(text) == expected)
    }

    @Test("\"From \" starting a soft-broken continuation line is escaped too")
    func fromAfterSoftBreak() {
        let text = String(repeating: "x", count: 75) + "From me"
        let encoded = MIMEEncoding.quotedPrintable(text)
        #expect(encoded == String(repeating: "x", count: 75) + "=\r\n=46rom me")
    }

    private func decode(_ encoded: String) -> String {
        let bytes = MIMEDecoding.quotedPrintable(Array(encoded.replacingOccurrences(of: "\r\n", with: "\n").utf8))
        return String(decoding: bytes, as: UTF8.self)
    }
}
