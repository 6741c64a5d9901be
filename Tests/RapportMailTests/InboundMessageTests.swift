import Foundation
import Testing
@testable import RapportMail

/// Fixtures are written with LF; real MTAs deliver CRLF, so most tests convert before parsing.
private func crlf(_ text: String) -> Data {
    Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
}

/// Encodes a fixture as ISO-8859-1 bytes, for messages whose 8bit bodies are not UTF-8.
private func latin1(_ text: String) -> Data {
    Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
}

// MARK: - Fixtures

private let gmailReply = #"""
Delivered-To: jobs+r_abc123@rapport.example
MIME-Version: 1.0
References: <outreach-42@rapport.example>
In-Reply-To: <outreach-42@rapport.example>
From: =?UTF-8?Q?Zo=C3=AB_Martin?= <zoe.martin@gmail.com>
Date: Tue, 1 Jul 2025 10:15:30 +0100
Message-ID: <CAJx9f=abc123+XyZ@mail.gmail.com>
Subject: Re: Senior iOS role at Acme =?UTF-8?Q?=E2=80=94_caf=C3=A9?=
 =?UTF-8?Q?_chat=3F?=
To: Sam Recruiter <jobs+r_abc123@rapport.example>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4"

--000000000000a1b2c3d4
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

Hi Sam,

Happy to chat =E2=80=94 my day rate is =C2=A3650. Shall we meet at the caf=
=C3=A9 on Friday?

On Mon, 30 Jun 2025 at 09:00, Sam Recruiter <jobs+r_abc123@rapport.example=
> wrote:

> Hi Zo=C3=AB, are you open to a contract role?
>

--000000000000a1b2c3d4
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr">Hi Sam,<br><br>Happy to chat =E2=80=94 my day rate is =C2=A3=
650.</div><div class=3D"gmail_quote">On Mon, 30 Jun 2025 wrote:<blockquote>Hi=
</blockquote></div>

--000000000000a1b2c3d4--
"""#

private let outlookReply = #"""
Received: from EUR05-AM6-obe.outbound.protection.outlook.com (mail-am6eur05on2100.outbound.protection.outlook.com [40.107.22.100])
	by mx.rapport.example with ESMTPS id 4bXyZ; Mon, 30 Jun 2025 14:00:02 +0000
From: =?Windows-1252?Q?J=FCrgen_M=FCller?= <juergen.mueller@contoso.de>
To: "Recruiter, Sam" <jobs+r_xyz789@rapport.example>
Subject: =?Windows-1252?B?UkU6IFL0bGUgliBTZW5pb3IgaU9T?=
Thread-Topic: Senior iOS
Date: Mon, 30 Jun 2025 14:00:00 +0000
Message-ID: <AM6PR05MB1234ABCD@AM6PR05MB1234.eurprd05.prod.outlook.com>
References: <outreach-77@rapport.example>
In-Reply-To: <outreach-77@rapport.example>
Content-Language: de-DE
Content-Type: text/html; charset="Windows-1252"
Content-Transfer-Encoding: base64
MIME-Version: 1.0

PGh0bWw+PGhlYWQ+PHN0eWxlPnB7bWFyZ2luOjA7Zm9udC1mYW1pbHk6Q2FsaWJyaX08L3N0eWxl
PjwvaGVhZD48Ym9keT48cD5EZWFyIFNhbSw8L3A+PHA+VGhhbmtzIJYgdGhlIHJhdGUgb2YgozY1
MCBpcyBmaW5lLiBJkm0gZnJlZSBvbiBGcmlkYXkgJmFtcDsgTW9uZGF5LjwvcD48cD5LaW5kIHJl
Z2FyZHMsPGJyPkr8cmdlbjwvcD48ZGl2IGlkPSJkaXZScGx5RndkTXNnIj48aHI+PGI+RnJvbTo8
L2I+IFNhbSBSZWNydWl0ZXI8YnI+PGI+U2VudDo8L2I+IDMwIEp1bmUgMjAyNSAwOTowMDxicj48
Yj5TdWJqZWN0OjwvYj4gU2VuaW9yIGlPUyByb2xlPC9kaXY+PHA+SGkgSvxyZ2VuLCBhcmUgeW91
IG9wZW4/PC9wPjwvYm9keT48L2h0bWw+
"""#

private let appleMailReply = #"""
From: "Amélie Durand" <amelie@icloud.com>
Content-Type: multipart/mixed;
	boundary="Apple-Mail=_5A1B2C3D-0000-4E5F-9A8B-1234567890AB"
Mime-Version: 1.0 (Mac OS X Mail 16.0 \(3774.600.62\))
Subject: Re: Staff engineer opening
Date: Wed, 2 Jul 2025 18:05:00 -0400
In-Reply-To: <outreach-91@rapport.example>
To: jobs+r_apple1@rapport.example
References: <outreach-90@rapport.example> <outreach-91@rapport.example>
Message-Id: <8F1E2D3C-AAAA-BBBB-CCCC-DDDDEEEEFFFF@icloud.com>

This is a multi-part message in MIME format.

--Apple-Mail=_5A1B2C3D-0000-4E5F-9A8B-1234567890AB
Content-Type: multipart/alternative;
	boundary="Apple-Mail=_INNER-7777"


--Apple-Mail=_INNER-7777
Content-Transfer-Encoding: quoted-printable
Content-Type: text/plain;
	charset=utf-8

Hi Sam,

My CV is attached =E2=80=94 I=E2=80=99m a bit na=C3=AFve about equity, so =
happy to discuss.

Amélie

--Apple-Mail=_INNER-7777
Content-Transfer-Encoding: 7bit
Content-Type: text/html;
	charset=us-ascii

<html><body><div>Hi Sam,</div><div>My CV is attached.</div></body></html>
--Apple-Mail=_INNER-7777--

--Apple-Mail=_5A1B2C3D-0000-4E5F-9A8B-1234567890AB
Content-Disposition: attachment;
	filename=CV.pdf
Content-Type: application/pdf;
	x-unix-mode=0644;
	name="CV.pdf"
Content-Transfer-Encoding: base64

JVBERi0xLjQgZmFrZSBwZGYgYnl0ZXMgAP/+

--Apple-Mail=_5A1B2C3D-0000-4E5F-9A8B-1234567890AB--

Trailing epilogue that nobody reads.
"""#

private let plainLFMessage = """
From jane@example.org Thu Jul  3 03:00:01 2025
Return-Path: <jane@example.org>
From: jane@example.org (Jane Doe)
To: jobs@rapport.example, "Ops Team" <ops@rapport.example>
Subject: Quick question about the role
Date: Thu, 03 Jul 2025 03:00:00 EST
Message-ID: <20250703030000.12345@example.org>

Hello,

Is the role remote-friendly?

Thanks,
Jane
"""

// MARK: - Real-world replies

@Suite("Inbound e-mail parsing")
struct InboundMessageTests {
    @Test("Gmail reply: multipart/alternative with quoted-printable UTF-8 and a quoted history")
    func gmailReplyIsDecoded() throws {
        let message = try InboundMessage.parse(crlf(gmailReply))

        #expect(message.from == MailAddress(name: "Zoë Martin", address: "zoe.martin@gmail.com"))
        #expect(message.to == [MailAddress(name: "Sam Recruiter", address: "jobs+r_abc123@rapport.example")])
        #expect(message.subject == "Re: Senior iOS role at Acme — café chat?")
        #expect(message.messageID == "CAJx9f=abc123+XyZ@mail.gmail.com")
        #expect(message.inReplyTo == ["outreach-42@rapport.example"])
        #expect(message.references == ["outreach-42@rapport.example"])
        #expect(message.date == Date(timeIntervalSince1970: 1_751_361_330))

        #expect(message.textBody.hasPrefix("Hi Sam,\n\nHappy to chat — my day rate is £650. Shall we meet at the café on Friday?"))
        #expect(message.textBody.contains("> Hi Zoë, are you open to a contract role?"))
        #expect(message.replyText == "Hi Sam,\n\nHappy to chat — my day rate is £650. Shall we meet at the café on Friday?")
        #expect(message.htmlBody?.contains("<div dir=\"ltr\">Hi Sam,<br><br>Happy to chat — my day rate is £650.</div>") == true)
    }

    @Test("Outlook reply: HTML only, Windows-1252, base64 — converted to text")
    func outlookReplyIsConvertedFromHTML() throws {
        let message = try InboundMessage.parse(crlf(outlookReply))

        #expect(message.from == MailAddress(name: "Jürgen Müller", address: "juergen.mueller@contoso.de"))
        #expect(message.to == [MailAddress(name: "Recruiter, Sam", address: "jobs+r_xyz789@rapport.example")])
        #expect(message.subject == "RE: Rôle – Senior iOS")
        #expect(message.messageID == "AM6PR05MB1234ABCD@AM6PR05MB1234.eurprd05.prod.outlook.com")
        #expect(message.inReplyTo == ["outreach-77@rapport.example"])
        #expect(message.date == Date(timeIntervalSince1970: 1_751_292_000))
        #expect(message.headers.values(for: "received").count == 1)

        #expect(message.htmlBody?.contains("I’m free on Friday &amp; Monday.") == true)
        #expect(!message.textBody.contains("margin"), "CSS from <style> must not leak into the text")
        #expect(!message.textBody.contains("<"))
        #expect(message.textBody.contains("From: Sam Recruiter\nSent: 30 June 2025 09:00"))
        #expect(message.replyText == "Dear Sam,\n\nThanks – the rate of £650 is fine. I’m free on Friday & Monday.\n\nKind regards,\nJürgen")
    }

    @Test("Apple Mail reply: nested multipart/mixed → alternative, attachment ignored, preamble and epilogue skipped")
    func appleMailReplyWithAttachment() throws {
        let message = try InboundMessage.parse(crlf(appleMailReply))

        #expect(message.from == MailAddress(name: "Amélie Durand", address: "amelie@icloud.com"))
        #expect(message.to == [MailAddress(address: "jobs+r_apple1@rapport.example")])
        #expect(message.messageID == "8F1E2D3C-AAAA-BBBB-CCCC-DDDDEEEEFFFF@icloud.com")
        #expect(message.inReplyTo == ["outreach-91@rapport.example"])
        #expect(message.references == ["outreach-90@rapport.example", "outreach-91@rapport.example"])
        #expect(message.date == Date(timeIntervalSince1970: 1_751_493_900))
        #expect(message.textBody == "Hi Sam,\n\nMy CV is attached — I’m a bit naïve about equity, so happy to discuss.\n\nAmélie")
        #expect(message.htmlBody == "<html><body><div>Hi Sam,</div><div>My CV is attached.</div></body></html>")
        #expect(!message.textBody.contains("PDF"))
        #expect(!message.textBody.contains("epilogue"))
    }

    @Test("Plain 7-bit message piped by an MTA: mbox From_ line, bare LF endings, no MIME headers → text/plain")
    func plainMessageWithLFEndings() throws {
        let message = try InboundMessage.parse(Data(plainLFMessage.utf8))

        #expect(message.from == MailAddress(name: "Jane Doe", address: "jane@example.org"))
        #expect(message.to == [
            MailAddress(address: "jobs@rapport.example"),
            MailAddress(name: "Ops Team", address: "ops@rapport.example"),
        ])
        #expect(message.subject == "Quick question about the role")
        #expect(message.date == Date(timeIntervalSince1970: 1_751_529_600), "EST is an obsolete zone meaning -0500")
        #expect(message.inReplyTo.isEmpty)
        #expect(message.textBody == "Hello,\n\nIs the role remote-friendly?\n\nThanks,\nJane")
        #expect(message.htmlBody == nil)
        #expect(message.replyText == message.textBody)
    }

    @Test("ISO-8859-1: Q-encoded subject and a raw 8bit Latin-1 body")
    func latin1SubjectAndBody() throws {
        let raw = """
        From: =?iso-8859-1?Q?Fran=E7ois?= <francois@example.fr>
        Subject: =?iso-8859-1?Q?Caf=E9?=
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: 8bit

        Un café? Le tarif est £650 — d'accord.
        """
        // The em dash is not Latin-1, so build the body from Latin-1 and check that £ and é survive.
        let message = try InboundMessage.parse(latin1(raw.replacingOccurrences(of: " — ", with: ", ")))

        #expect(message.subject == "Café")
        #expect(message.from.name == "François")
        #expect(message.textBody == "Un café? Le tarif est £650, d'accord.")
    }

    @Test("References chain folded over several lines keeps every id in order")
    func referencesChain() throws {
        let raw = """
        From: Priya <priya@example.com>
        Message-ID: <reply-4@example.com>
        In-Reply-To: <outreach-3@rapport.example> (Sam's message of Tue)
        References: <outreach-1@rapport.example>
         <reply-2@example.com>
        \t<outreach-3@rapport.example>
        Subject: Re: Re: Re: Platform role

        Sounds good.
        """
        let message = try InboundMessage.parse(crlf(raw))

        #expect(message.messageID == "reply-4@example.com")
        #expect(message.inReplyTo == ["outreach-3@rapport.example"])
        #expect(message.references == ["outreach-1@rapport.example", "reply-2@example.com", "outreach-3@rapport.example"])
        #expect(message.textBody == "Sounds good.")
    }

    // MARK: - Errors

    @Test("Empty input is rejected with a clear error")
    func emptyInputThrows() {
        #expect(throws: MailParseError.emptyMessage) { try InboundMessage.parse(Data()) }
        #expect(throws: MailParseError.emptyMessage) { try InboundMessage.parse("\r\n\r\n") }
        #expect(MailParseError.emptyMessage.description == "The message is empty.")
    }

    @Test("A header without a blank line before the body is rejected")
    func missingSeparatorThrows() {
        #expect(throws: MailParseError.missingHeaderBodySeparator) {
            try InboundMessage.parse(crlf("From: a@example.com\nSubject: hi"))
        }
    }

    @Test("A message without From (or Sender) is rejected")
    func missingFromThrows() {
        #expect(throws: MailParseError.missingFrom) {
            try InboundMessage.parse(crlf("To: jobs@rapport.example\nSubject: hi\n\nbody"))
        }
        #expect(throws: MailParseError.missingFrom) {
            try InboundMessage.parse(crlf("From: undisclosed-recipients:;\nSubject: hi\n\nbody"))
        }
    }

    // MARK: - Robustness

    @Test("Random bytes and mutated fixtures never crash: parse returns or throws")
    func fuzzNeverCrashes() {
        var generator = SplitMix64(seed: 0x5EED)
        let fixtures = [gmailReply, outlookReply, appleMailReply, plainLFMessage].map { Array(crlf($0)) }
        for round in 0..<400 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = (0..<Int.random(in: 0...600, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            } else {
                bytes = fixtures[round / 2 % fixtures.count]
                for _ in 0..<Int.random(in: 1...40, using: &generator) {
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[position] = [UInt8(ascii: "="), UInt8(ascii: "-"), 0x0D, 0x0A, 0xFF, UInt8(ascii: "<"), UInt8(ascii: "&")]
                        .randomElement(using: &generator)!
                }
                bytes = Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            }
            _ = try? InboundMessage.parse(Data(bytes))
        }
    }

    @Test("Deeply nested multiparts are bounded instead of recursing without limit")
    func deepNestingIsBounded() throws {
        var raw = "From: a@example.com\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1...200 {
            raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        raw += "--b200\nContent-Type: text/plain\n\ndeep\n"
        let message = try InboundMessage.parse(Data(raw.utf8))
        #expect(message.textBody.isEmpty)
    }
}

// MARK: - Building blocks

@Suite("MIME building blocks")
struct MIMEBuildingBlockTests {
    @Test("Header lookup is case-insensitive and keeps order of repeated fields")
    func headerLookup() {
        let headers = HeaderFields.parse(lines: ["Received: one", "SUBJECT: Hi", "received: two", "not a header", " orphan continuation"])
        #expect(headers["subject"] == "Hi")
        #expect(headers.values(for: "Received") == ["one", "two"])
        #expect(headers.count == 3)
    }

    @Test("Addresses: angle form, comment form, quoted names with commas, encoded-words, groups")
    func addressForms() {
        #expect(MailAddress.parseList(#""Doe, Jane" <jane@x.org>, bob@y.org (Bob B), =?UTF-8?B?w4lsaXNl?= <elise@z.fr>"#) == [
            MailAddress(name: "Doe, Jane", address: "jane@x.org"),
            MailAddress(name: "Bob B", address: "bob@y.org"),
            MailAddress(name: "Élise", address: "elise@z.fr"),
        ])
        #expect(MailAddress.parseList("Hiring: a@x.org, b@x.org;, <c@x.org>").map(\.address) == ["a@x.org", "b@x.org", "c@x.org"])
        #expect(MailAddress.parseList(#""=?utf-8?Q?Ren=C3=A9e?=" <renee@x.org>"#).first?.name == "Renée")
    }

    @Test("Encoded-words: B and Q, adjacent words joined, spaces around plain text kept, malformed words left as-is")
    func encodedWords() {
        #expect(MIMEDecoding.decodeEncodedWords("=?UTF-8?B?wqM2NTA=?= a day") == "£650 a day")
        #expect(MIMEDecoding.decodeEncodedWords("=?utf-8?Q?a?= =?utf-8?Q?b?=") == "ab")
        // A multi-byte character split across two words must still decode (é = C3 A9).
        #expect(MIMEDecoding.decodeEncodedWords("=?utf-8?Q?caf=C3?= =?utf-8?Q?=A9?=") == "café")
        #expect(MIMEDecoding.decodeEncodedWords("=?windows-1252?Q?=93quoted=94?=") == "“quoted”")
        #expect(MIMEDecoding.decodeEncodedWords("=?broken") == "=?broken")
        #expect(MIMEDecoding.decodeEncodedWords("=?x-unknown?Q?caf=E9?=") == "café", "unknown charset falls back to Latin-1 family")
    }

    @Test("Quoted-printable: soft line breaks, =XX escapes, trailing whitespace, malformed escapes kept")
    func quotedPrintable() {
        let decoded = MIMEDecoding.quotedPrintable(Array("caf=C3=A9 =\nau lait  \n=ZZ 100%=3D".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "café au lait\n=ZZ 100%=")
    }

    @Test("Base64 with line breaks and missing padding")
    func base64() {
        #expect(MIMEDecoding.base64(Array("wqM2\nNTA".utf8)) == Array("£650".utf8))
    }

    @Test("Charsets: UTF-8 declared but invalid and unknown charsets fall back without crashing")
    func charsetFallbacks() {
        #expect(MIMEDecoding.decode([0x63, 0x61, 0x66, 0xE9], charset: "utf-8") == "café")
        #expect(MIMEDecoding.decode([0xA3, 0x36, 0x35, 0x30], charset: "klingon") == "£650")
        #expect(MIMEDecoding.decode([0x97], charset: "windows-1252") == "—")
        #expect(MIMEDecoding.decode(Array("naïve".utf8), charset: "us-ascii") == "naïve")
    }

    @Test("Legacy charsets beyond Latin-1 decode where Foundation supports them, and fall back otherwise")
    func legacyCharsets() {
        #expect(MIMEDecoding.decode([0xB1], charset: "ISO-8859-2") == "ą")
        #expect(MIMEDecoding.decode([0x82, 0xA0], charset: "shift_jis") == "あ")
        #expect(MIMEDecoding.decode([0xA4], charset: "iso-8859-15") == "€")
    }

    @Test("HTML with an unterminated tag or a huge run of '<' stays linear and keeps the text before it")
    func hostileHTML() {
        #expect(HTMLText.toText("Hello <b>there</b> <a href='x") == "Hello there")
        #expect(HTMLText.toText(String(repeating: "<", count: 200_000)).isEmpty)
    }

    @Test("Dates: numeric offsets, obsolete zones, no seconds, two-digit years, comments; garbage is nil")
    func dates() {
        #expect(MailDate.parse("Tue, 1 Jul 2025 10:15:30 +0100") == Date(timeIntervalSince1970: 1_751_361_330))
        #expect(MailDate.parse("1 Jul 2025 09:15:30 GMT") == Date(timeIntervalSince1970: 1_751_361_330))
        #expect(MailDate.parse("Tue, 1 Jul 2025 02:15:30 PDT") == Date(timeIntervalSince1970: 1_751_361_330))
        #expect(MailDate.parse("Tue, 1 Jul 25 09:15 +0000 (UTC)") == Date(timeIntervalSince1970: 1_751_361_300))
        #expect(MailDate.parse("next Tuesday") == nil)
        #expect(MailDate.parse("1 Jan 9223372036854775807 10:00 +0000") == nil)
        #expect(MailDate.parse("Tue, 1 Jul 2025 25:00:00 +0000") == nil)
    }

    @Test("HTML to text: scripts, styles and comments dropped; block tags become line breaks; entities decoded")
    func htmlToText() {
        let html = """
        <html><head><title>x</title></head><body><script>alert(1)</script><!-- tracking -->
        <p>Rate:&nbsp;&pound;650&#8212;negotiable &amp; <b>flexible</b></p><p>Line one<br/>Line&#x20;two</p>
        <table><tr><td>A</td><td>B</td></tr></table></body></html>
        """
        #expect(HTMLText.toText(html) == "Rate: £650—negotiable & flexible\n\nLine one\nLine two\n\nA B")
    }
}

/// Deterministic generator so a fuzz failure is reproducible.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Inbound text with a NUL in it")
struct InboundNULTests {
    @Test("a NUL in the body or subject becomes U+FFFD and the text after it is kept")
    func nulKeepsTheRest() throws {
        let raw = "From: Zoe <zoe@example.com>\r\nSubject: Re: role\u{0} here\r\nMessage-ID: <n@example.com>\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nYes please\u{0} call me on Friday after 3pm.\r\n"
        let message = try InboundMessage.parse(raw)
        #expect(message.textBody.contains("Yes please\u{FFFD} call me on Friday after 3pm."))
        #expect(message.subject == "Re: role\u{FFFD} here")
        #expect(!message.textBody.unicodeScalars.contains("\u{0}"))
    }
}
